import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export const GECKO_ID = 'doc-gon@doc-gon.vn';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // DG_OUT_DIR lets parallel work build into separate folders; tests read the same variable.
  outDir: process.env.DG_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: every name's origin is visible, and utils/ stays plain TypeScript.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Each page its own build, so each page's first paint loads one script file: the shared
    // chunks of a combined build cost ~15 ms more to open here (tests/bench/library.ts).
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.findIndex((g) => Array.isArray(g) && g.length > 1);
      if (pages < 0) return;
      const [combined] = groups.splice(pages, 1);
      if (Array.isArray(combined)) groups.push(...combined.map((entry) => [entry]));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // activeTab + scripting let the reader open on any page the user asks for,
    // without <all_urls>. Host access for the news sites comes from the reader's
    // runtime registration (its matches become host_permissions).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              // Nothing leaves the browser: saved articles stay in storage.local.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The AMO sources zip: what builds the extension, nothing generated or test-only.
  zip: {
    excludeSources: [
      '.ci/**',
      'tests/**',
      'docs/**',
      '.output/**',
      'coverage/**',
      'screenshots/**',
      '.tmp/**',
      'stats.html',
      '*.log',
      'web-ext.config.ts',
    ],
  },
});
