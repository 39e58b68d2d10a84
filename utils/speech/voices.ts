/**
 * Choosing a Vietnamese voice from speechSynthesis.getVoices(). The list is
 * whatever the OS and browser offer: Windows has "Microsoft An" (vi-VN) once
 * the Vietnamese speech pack is installed, Android reports "vi_VN" or "vi-VN",
 * many Linux and macOS machines have none at all. Reading Vietnamese with an
 * English voice is worse than not reading, so no match means no voice.
 */

/** The fields we use of SpeechSynthesisVoice, so the choice is testable without a browser. */
export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}

/** BCP 47 "vi", "vi-VN", Android's "vi_VN", any case. */
export function isVietnameseVoice(v: Pick<VoiceLike, 'lang'>): boolean {
  return /^vi(?:[-_]|$)/i.test(v.lang.trim());
}

/**
 * The Vietnamese voice to read with, or null. Local voices first: network
 * voices stop mid-sentence when the connection drops and (in Chrome) after
 * about 15 seconds of one utterance. Then the system default, then vi-VN over
 * other Vietnamese tags, then the list's own order, which is stable.
 */
export function pickVietnameseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const score = (v: V) => (v.localService ? 4 : 0) + (v.default ? 2 : 0) + (/^vi[-_]vn$/i.test(v.lang.trim()) ? 1 : 0);
  let best: V | null = null;
  for (const v of voices) {
    if (!isVietnameseVoice(v)) continue;
    if (!best || score(v) > score(best)) best = v;
  }
  return best;
}
