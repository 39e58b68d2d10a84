/**
 * Vietnamese news hosts where the detector content script runs and where the
 * reader may be injected without an activeTab grant. Subdomains are included
 * (m.vnexpress.net, e.vnexpress.net, …). Sorted; checked by a unit test.
 */
export const NEWS_HOSTS = [
  '24h.com.vn',
  'baochinhphu.vn',
  'baodautu.vn',
  'baomoi.com',
  'baoquocte.vn',
  'bongdaplus.vn',
  'cafebiz.vn',
  'cafef.vn',
  'cand.com.vn',
  'congthuong.vn',
  'dantri.com.vn',
  'genk.vn',
  'hanoimoi.vn',
  'kenh14.vn',
  'kinhtedothi.vn',
  'laodong.vn',
  'nhandan.vn',
  'nld.com.vn',
  'plo.vn',
  'qdnd.vn',
  'sggp.org.vn',
  'soha.vn',
  'thanhnien.vn',
  'tienphong.vn',
  'tuoitre.vn',
  'vietnamnet.vn',
  'vietnamplus.vn',
  'vneconomy.vn',
  'vnexpress.net',
  'vov.vn',
  'vtv.vn',
  'zingnews.vn',
  'znews.vn',
] as const;

/** Match patterns for the manifest: the bare host and every subdomain. */
export const NEWS_MATCHES: string[] = NEWS_HOSTS.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]);

/** The registrable news host a hostname belongs to, or null. */
export function newsHostOf(hostname: string): string | null {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return NEWS_HOSTS.find((d) => h === d || h.endsWith(`.${d}`)) ?? null;
}
