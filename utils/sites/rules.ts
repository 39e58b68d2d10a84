/**
 * The site-rule index: one file per site (utils/sites/<host>.ts), registered
 * here in host order. Everything a rule does not say is handled by the generic
 * Vietnamese rules in utils/extract/. tests/unit/sites.test.ts fails when a
 * site file is not registered, the list is unsorted, or an example URL is wrong.
 */

import { rule as baochinhphu } from './baochinhphu.vn';
import { rule as baoquocte } from './baoquocte.vn';
import { rule as cafef } from './cafef.vn';
import { rule as dantri } from './dantri.com.vn';
import { rule as genk } from './genk.vn';
import { newsHostOf } from './hosts';
import { rule as nhandan } from './nhandan.vn';
import { rule as plo } from './plo.vn';
import { idPath, type SiteRule } from './site-rule';
import { rule as tienphong } from './tienphong.vn';
import { rule as tuoitre } from './tuoitre.vn';
import { rule as vnexpress } from './vnexpress.net';
import { rule as znews } from './znews.vn';

export type { SiteRule } from './site-rule';

/** Sorted by host. */
export const SITE_RULES: readonly SiteRule[] = [
  baochinhphu,
  baoquocte,
  cafef,
  dantri,
  genk,
  nhandan,
  plo,
  tienphong,
  tuoitre,
  vnexpress,
  znews,
];

/**
 * Fallback article-URL test for news hosts without a rule: the id-in-path
 * schemes shared by most Vietnamese CMSs (-123456.html, -post123.html, .chn, .tpo, .ldo).
 */
export const genericArticleUrl = idPath('html|htm|chn|tpo|ldo|vnp|epi', 5);

/** The rule for a hostname (subdomains included), or null. */
export function siteRuleFor(hostname: string): SiteRule | null {
  const host = newsHostOf(hostname) ?? hostname.toLowerCase().replace(/^www\./, '');
  return SITE_RULES.find((r) => r.host === host) ?? null;
}
