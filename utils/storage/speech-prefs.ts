import { storage } from 'wxt/utils/storage';
import { DEFAULT_SPEECH_RATE, type SpeechRate, snapRate } from '../speech/rate';

/** v1: the read-aloud speed, one for every site (voices are per machine, not per site). */
export interface SpeechPrefs {
  rate: SpeechRate;
}

export const SPEECH_PREFS_FALLBACK: SpeechPrefs = { rate: DEFAULT_SPEECH_RATE };

export const speechPrefsItem = storage.defineItem<SpeechPrefs>('local:speechPrefs', {
  fallback: SPEECH_PREFS_FALLBACK,
  version: 1,
});

/** Validates a loaded value: a rate off the offered steps is snapped, junk gives the default. */
export function normalizeSpeechPrefs(raw: unknown): SpeechPrefs {
  if (!raw || typeof raw !== 'object') return { ...SPEECH_PREFS_FALLBACK };
  return { rate: snapRate((raw as Partial<SpeechPrefs>).rate) };
}

export async function loadSpeechPrefs(): Promise<SpeechPrefs> {
  return normalizeSpeechPrefs(await speechPrefsItem.getValue());
}
