/**
 * Vietnamese news dates. Vietnam keeps UTC+7 all year (no DST), so every date
 * is normalised to an ISO 8601 string with a literal "+07:00" offset.
 */

const VN_OFFSET_MINUTES = 7 * 60;
const VN_OFFSET = '+07:00';

/** Weekday names as sites print them, Sunday first (Date#getUTCDay order). */
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** "2026-03-07T09:40:00", "2026-03-07 09:40", with optional fraction and Z / ±hh:mm / ±hhmm. */
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** d/m/yyyy, dd-mm-yyyy or dd.mm.yyyy, as in "7/3/2026" or "07-03-2026". */
const VISIBLE_DATE_RE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
/** hh:mm[:ss] with optional AM/PM ("09:40 AM" on cafef.vn). */
const VISIBLE_TIME_RE = /(?<![\d/])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP]M))?(?![\d/])/i;
/** "GMT+7", "(GMT+07:00)", "UTC+7". Absent: the site's local time, i.e. +7. */
const VISIBLE_OFFSET_RE = /(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant `utcMs` written as Vietnam wall-clock time with "+07:00". */
export function toVietnamIso(utcMs: number): string {
  const d = new Date(utcMs + VN_OFFSET_MINUTES * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${VN_OFFSET}`
  );
}

/** Minutes east of UTC from "Z", "+07:00" or "+0700"; undefined -> Vietnam time. */
function offsetMinutes(tz: string | undefined): number {
  if (!tz) return VN_OFFSET_MINUTES;
  if (tz.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (!m) return VN_OFFSET_MINUTES;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3]));
}

function utcFromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  // Date.UTC rolls 31/2 over into March: reject instead.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  return ms;
}

/**
 * A machine date (meta, JSON-LD, <time datetime>) as ISO with +07:00.
 * Dates without an offset are Vietnamese local time (cafef.vn emits those).
 */
export function normalizeIsoDate(value: string): string | null {
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const ms = utcFromParts(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    offsetMinutes(m[7]),
  );
  return ms === null ? null : toVietnamIso(ms);
}

/**
 * A date as Vietnamese sites print it, to ISO with +07:00:
 * "Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "06/03/2026 14:20 GMT+7", "09:15 | 18/01/2024",
 * "07-03-2026 - 09:40 AM". Day comes before month. No time -> midnight.
 */
export function parseVietnameseDate(text: string): string | null {
  const t = text.normalize('NFC');
  const dm = VISIBLE_DATE_RE.exec(t);
  if (!dm) return null;
  const tm = VISIBLE_TIME_RE.exec(t);
  let hour = tm ? Number(tm[1]) : 0;
  const ampm = tm?.[4]?.toUpperCase();
  if (ampm === 'PM' && hour < 12) hour += 12;
  if (ampm === 'AM' && hour === 12) hour = 0;
  const om = VISIBLE_OFFSET_RE.exec(t);
  const offset = om ? (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3] ?? 0)) : VN_OFFSET_MINUTES;
  const ms = utcFromParts(
    Number(dm[3]),
    Number(dm[2]),
    Number(dm[1]),
    hour,
    tm ? Number(tm[2]) : 0,
    tm ? Number(tm[3] ?? 0) : 0,
    offset,
  );
  return ms === null ? null : toVietnamIso(ms);
}

/** Machine date first, then the visible form. */
export function parseAnyDate(value: string): string | null {
  return normalizeIsoDate(value) ?? parseVietnameseDate(value);
}

/** "Thứ Năm, 18/01/2024 09:15" in Asia/Ho_Chi_Minh time; null for an unparseable input. */
export function formatVietnameseDate(iso: string): string | null {
  const normal = normalizeIsoDate(iso);
  if (!normal) return null;
  const ms = Date.parse(normal);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + VN_OFFSET_MINUTES * 60_000);
  const weekday = WEEKDAYS[d.getUTCDay()] ?? '';
  return `${weekday}, ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
