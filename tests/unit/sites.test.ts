/**
 * Site rules: one file per site under utils/sites/ (named after its host),
 * each registered in the sorted SITE_RULES list, each URL example right, each
 * rule exercised by its real fixture, and a rule that misses (the site changed
 * its layout) falling back to the generic path rather than an empty view.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadFixturePages, outputLines, scorePage } from '../../scripts/lib/corpus';
import { extractArticle } from '../../utils/extract';
import type { SiteRule } from '../../utils/sites/rules';
import { genericArticleUrl, SITE_RULES, siteRuleFor } from '../../utils/sites/rules';
import { collapseWhitespace } from '../../utils/text/normalize';

const root = process.cwd();
const pages = loadFixturePages(root);
const load = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;

/** Site files are named after their host: "vnexpress.net.ts", "dantri.com.vn.ts". */
const siteFiles = readdirSync(join(root, 'utils/sites'))
  .filter((f) => /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.ts$/.test(f))
  .sort();

const fixturesOf = (rule: SiteRule) => pages.filter((p) => siteRuleFor(p.gold.site) === rule);

describe('site rule registry', () => {
  it('registers every site file, named after its host', async () => {
    expect(siteFiles.length).toBeGreaterThan(0);
    const fromFiles: SiteRule[] = [];
    for (const f of siteFiles) {
      const host = f.replace(/\.ts$/, '');
      const mod = (await import(`../../utils/sites/${host}.ts`)) as { rule: SiteRule };
      expect(mod.rule.host, f).toBe(host);
      fromFiles.push(mod.rule);
    }
    expect([...SITE_RULES]).toEqual(fromFiles);
  });

  it('is sorted by host, one rule per host', () => {
    const hosts = SITE_RULES.map((r) => r.host);
    expect(hosts).toEqual([...hosts].sort());
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('has a rule for every fixture site', () => {
    for (const p of pages) expect(siteRuleFor(p.gold.site), p.name).not.toBeNull();
  });
});

describe.each(SITE_RULES.map((r) => [r.host, r] as const))('%s', (_host, rule) => {
  it('matches its example article URLs and no rule matches its non-article URLs', () => {
    expect(rule.examples.article.length).toBeGreaterThan(0);
    expect(rule.examples.notArticle.length).toBeGreaterThan(0);
    for (const u of rule.examples.article) {
      expect(rule.articleUrl(new URL(u)), u).toBe(true);
      expect(siteRuleFor(new URL(u).hostname), u).toBe(rule);
    }
    for (const u of rule.examples.notArticle) {
      for (const r of SITE_RULES) expect(r.articleUrl(new URL(u)), `${r.host}: ${u}`).toBe(false);
    }
  });

  it('is exercised by its real fixture: body, lead and article URL match', () => {
    const fixtures = fixturesOf(rule);
    expect(fixtures.length, 'a real page under tests/fixtures').toBeGreaterThan(0);
    for (const p of fixtures) {
      const doc = load(p.html, p.gold.url).document;
      expect(rule.articleUrl(new URL(p.gold.url)), p.name).toBe(true);
      const body = (rule.body ?? []).flatMap((s) => [...doc.querySelectorAll(s)]);
      expect(body.length, `${p.name}: body selector`).toBeGreaterThan(0);
      if (rule.lead && p.gold.lead) {
        const lead = rule.lead.map((s) => doc.querySelector(s)).find(Boolean);
        expect(lead, `${p.name}: lead selector`).toBeTruthy();
      }
    }
  });
});

/**
 * A site redesign renames the body container: the rule's body selector then
 * matches nothing. Extraction must fall back to the generic path and still show
 * the whole article, never an empty view. Simulated on every fixture by
 * stripping the class and id of every element the rule's body selectors match.
 */
describe.each(pages.map((p) => [p.name, p] as const))('rule misses after a redesign: %s', (_name, page) => {
  it('falls back to the generic path and keeps every gold paragraph', () => {
    const rule = siteRuleFor(page.gold.site);
    const win = load(page.html, page.gold.url);
    const doc = win.document;
    for (const sel of rule?.body ?? []) {
      for (const el of doc.querySelectorAll(sel)) {
        el.setAttribute('class', 'layout-2027');
        el.removeAttribute('id');
        el.removeAttribute('data-role');
      }
    }
    for (const sel of rule?.body ?? []) expect(doc.querySelector(sel), sel).toBeNull();
    const a = extractArticle(doc, { url: page.gold.url });
    expect(a).not.toBeNull();
    const lines = a ? outputLines(a.lead, a.contentHtml, win) : [];
    const flat = collapseWhitespace(lines.join('\n'));
    const missing = page.gold.paragraphs.map(collapseWhitespace).filter((p) => !flat.includes(p));
    expect(missing).toEqual([]);
    expect(scorePage(lines, a?.title ?? null, page.gold).leaks).toEqual([]);
  });
});

describe('genericArticleUrl', () => {
  it('accepts the id schemes of VN CMSs and rejects section pages', () => {
    const yes = [
      'https://thanhnien.vn/gia-vang-hom-nay-185240118093012345.htm',
      'https://laodong.vn/xa-hoi/tin-moi-1292345.ldo',
      'https://vietnamnet.vn/mot-bai-viet-2241234.html',
      'https://nld.com.vn/thoi-su/tin-196240118.htm',
    ];
    const no = ['https://thanhnien.vn/thoi-su.htm', 'https://vietnamnet.vn/', 'https://laodong.vn/xa-hoi'];
    for (const u of yes) expect(genericArticleUrl(new URL(u)), u).toBe(true);
    for (const u of no) expect(genericArticleUrl(new URL(u)), u).toBe(false);
  });
});
