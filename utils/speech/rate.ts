/**
 * Speaking rates offered by the read-aloud control. SpeechSynthesisUtterance.rate
 * is a multiplier of the voice's normal speed; beyond 1.5x the Vietnamese voices
 * we know (Microsoft An, Google/Android vi-VN) blur tones into each other, and
 * below 0.75x they drawl syllable by syllable.
 */
export const SPEECH_RATES = [0.75, 1, 1.25, 1.5] as const;
export type SpeechRate = (typeof SPEECH_RATES)[number];
export const DEFAULT_SPEECH_RATE: SpeechRate = 1;

/** Any stored or typed-in number becomes the nearest offered rate; junk becomes the default. */
export function snapRate(value: unknown): SpeechRate {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SPEECH_RATE;
  let best: SpeechRate = DEFAULT_SPEECH_RATE;
  for (const r of SPEECH_RATES) if (Math.abs(r - value) < Math.abs(best - value)) best = r;
  return best;
}

/** One step slower (-1) or faster (+1), stopping at the ends. */
export function stepRate(rate: SpeechRate, dir: -1 | 1): SpeechRate {
  const i = SPEECH_RATES.indexOf(snapRate(rate)) + dir;
  return SPEECH_RATES[Math.max(0, Math.min(SPEECH_RATES.length - 1, i))] ?? DEFAULT_SPEECH_RATE;
}

/** "1,25×" in Vietnamese, "1.25×" in English. */
export function formatRate(rate: number, lang: 'vi' | 'en'): string {
  const s = String(rate);
  return `${lang === 'vi' ? s.replace('.', ',') : s}×`;
}
