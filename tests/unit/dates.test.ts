/**
 * Vietnamese visible dates ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)") and machine
 * dates without an offset (cafef.vn) become ISO 8601 with +07:00; and ISO
 * dates are printed the Vietnamese way in Asia/Ho_Chi_Minh time.
 */
import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, normalizeIsoDate, parseAnyDate, parseVietnameseDate } from '../../utils/text/dates';
import { collapseWhitespace, toNfc, words } from '../../utils/text/normalize';
import { readingMinutes, wordCount } from '../../utils/text/reading-time';

describe('parseVietnameseDate', () => {
  it.each([
    ['Thứ bảy, 7/3/2026, 00:05 (GMT+7)', '2026-03-07T00:05:00+07:00'],
    ['06/03/2026 14:20 GMT+7', '2026-03-06T14:20:00+07:00'],
    ['09:15 | 18/01/2024', '2024-01-18T09:15:00+07:00'],
    ['Thứ Hai, ngày 20/07/2026 - 06:31', '2026-07-20T06:31:00+07:00'],
    ['Thứ bảy, 07/03/2026 - 08:07', '2026-03-07T08:07:00+07:00'],
    ['Chủ nhật, 2/2/2025 05:01 (GMT+7)', '2025-02-02T05:01:00+07:00'],
    ['07-03-2026 - 09:40 AM', '2026-03-07T09:40:00+07:00'],
    ['07-03-2026 - 09:40 PM', '2026-03-07T21:40:00+07:00'],
    ['16/07/2026 16:35', '2026-07-16T16:35:00+07:00'],
    ['18.01.2024', '2024-01-18T00:00:00+07:00'],
    ['Cập nhật: 01/01/2024 23:30 GMT+0', '2024-01-02T06:30:00+07:00'],
  ])('%s', (input, iso) => {
    expect(parseVietnameseDate(input)).toBe(iso);
  });

  it.each(['', 'Hôm nay', '31/02/2024 10:00', '12/13/2024', '25:00 01/01/2024'])('rejects %j', (input) => {
    expect(parseVietnameseDate(input)).toBeNull();
  });
});

describe('normalizeIsoDate', () => {
  it.each([
    ['2026-03-07T09:40:00', '2026-03-07T09:40:00+07:00'], // cafef.vn: no offset = Vietnam time
    ['2025-10-11T10:02:08+0700', '2025-10-11T10:02:08+07:00'], // plo.vn
    ['2025-02-02T05:01:08.000+07:00', '2025-02-02T05:01:08+07:00'], // znews.vn
    ['2026-03-06T17:05:00Z', '2026-03-07T00:05:00+07:00'],
    ['2024-01-18', '2024-01-18T00:00:00+07:00'],
  ])('%s', (input, iso) => {
    expect(normalizeIsoDate(input)).toBe(iso);
  });

  it('rejects non-ISO text, which parseAnyDate still reads as a visible date', () => {
    expect(normalizeIsoDate('18/01/2024 09:15')).toBeNull();
    expect(parseAnyDate('18/01/2024 09:15')).toBe('2024-01-18T09:15:00+07:00');
  });
});

describe('formatVietnameseDate', () => {
  it.each([
    ['2024-01-18T09:15:00+07:00', 'Thứ Năm, 18/01/2024 09:15'],
    ['2026-03-06T17:05:00Z', 'Thứ Bảy, 07/03/2026 00:05'],
    ['2025-02-02T05:01:08+07:00', 'Chủ Nhật, 02/02/2025 05:01'],
  ])('%s', (iso, text) => {
    expect(formatVietnameseDate(iso)).toBe(text);
  });

  it('round-trips through the visible parser', () => {
    const iso = '2026-07-20T06:31:00+07:00';
    expect(parseVietnameseDate(formatVietnameseDate(iso) ?? '')).toBe(iso);
  });

  it('returns null for garbage', () => {
    expect(formatVietnameseDate('not a date')).toBeNull();
  });
});

describe('normalize and reading time', () => {
  it('composes NFD diacritics and collapses odd spaces', () => {
    const nfd = 'Tie\u0302\u0301ng Vie\u0323\u0302t';
    expect(toNfc(nfd)).toBe('Tiếng Việt');
    expect(collapseWhitespace(`\u00a0 (PLO)-\u00a0Phó\u200b Bí thư \n\t ${nfd}\ufeff `)).toBe(
      '(PLO)- Phó Bí thư Tiếng Việt',
    );
  });

  it('counts whitespace tokens and reads 300 of them a minute, at least 1 minute', () => {
    expect(words(' một  hai\nba ')).toEqual(['một', 'hai', 'ba']);
    expect(wordCount('')).toBe(0);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(875)).toBe(3);
    expect(readingMinutes(2215)).toBe(7);
  });
});
