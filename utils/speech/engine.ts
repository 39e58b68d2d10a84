import type { VoiceLike } from './voices';

/**
 * What the read-aloud control needs from speech synthesis. The reading view
 * gets the browser's (components/reader/speech-engine.ts); anything else that
 * speaks can stand in for it. One utterance at a time: the control speaks the
 * next block when the previous one ends.
 */
export interface SpeechEngine {
  /** The voices known right now; may be empty until `onVoicesChanged` fires (Chrome loads them late). */
  voices(): VoiceLike[];
  /** Returns the unsubscribe function. */
  onVoicesChanged(listener: () => void): () => void;
  speak(text: string, opts: SpeakOptions, events: SpeakEvents): void;
  pause(): void;
  resume(): void;
  /** Drops the current and any queued utterance. Its `onEnd` or `onError` may still fire afterwards. */
  cancel(): void;
}

export interface SpeakOptions {
  voice: VoiceLike;
  rate: number;
}

export interface SpeakEvents {
  onStart?: () => void;
  onEnd: () => void;
  onError: (error: string) => void;
}
