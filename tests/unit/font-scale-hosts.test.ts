/** The text-size scale and the news-host table the manifest is built from. */
import { describe, expect, it } from 'vitest';
import { FONT_PRESETS, FONT_SIZES, snapFontSize, stepFontSize } from '@/utils/font-scale';
import { NEWS_HOSTS, NEWS_MATCHES, newsHostOf } from '@/utils/sites/hosts';

describe('font scale', () => {
  it('covers 12 to 32 px in increasing steps, presets on the scale', () => {
    expect(FONT_SIZES[0]).toBe(12);
    expect(FONT_SIZES.at(-1)).toBe(32);
    for (let i = 1; i < FONT_SIZES.length; i++) expect(FONT_SIZES[i]).toBeGreaterThan(FONT_SIZES[i - 1] ?? 0);
    for (const p of FONT_PRESETS) expect(FONT_SIZES).toContain(p.size);
  });

  it('steps and clamps at both ends', () => {
    expect(stepFontSize(20, 1)).toBe(22);
    expect(stepFontSize(18, -1)).toBe(17);
    expect(stepFontSize(32, 1)).toBe(32);
    expect(stepFontSize(12, -1)).toBe(12);
    expect(snapFontSize(Number.NaN)).toBe(20);
  });
});

describe('news hosts', () => {
  it('is sorted, unique and lower-case', () => {
    expect([...NEWS_HOSTS]).toEqual([...NEWS_HOSTS].sort());
    expect(new Set(NEWS_HOSTS).size).toBe(NEWS_HOSTS.length);
    for (const h of NEWS_HOSTS) expect(h).toBe(h.toLowerCase());
  });

  it('includes every site the product promises', () => {
    for (const h of ['vnexpress.net', 'tuoitre.vn', 'thanhnien.vn', 'dantri.com.vn', 'baoquocte.vn', 'bongdaplus.vn'])
      expect(NEWS_HOSTS).toContain(h);
    expect(NEWS_MATCHES).toContain('*://*.vnexpress.net/*');
    expect(NEWS_MATCHES).toContain('*://vnexpress.net/*');
  });

  it('maps subdomains to their site and rejects look-alikes', () => {
    expect(newsHostOf('e.vnexpress.net')).toBe('vnexpress.net');
    expect(newsHostOf('VNEXPRESS.NET.')).toBe('vnexpress.net');
    expect(newsHostOf('notvnexpress.net')).toBeNull();
    expect(newsHostOf('vnexpress.net.evil.com')).toBeNull();
  });
});
