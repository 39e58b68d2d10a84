import { defineConfig } from 'vitest/config';

// Real-browser tests against the built extension (.output/chrome-mv3); `npm run build` first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
