import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t, uiLang } from '@/utils/i18n';
import type { SpeechEngine } from '@/utils/speech/engine';
import { formatRate, SPEECH_RATES, type SpeechRate, snapRate, stepRate } from '@/utils/speech/rate';
import { type SpeechSegment, speechSegments } from '@/utils/speech/segments';
import { pickVietnameseVoice, type VoiceLike } from '@/utils/speech/voices';

/** Chrome fills the voice list after load and fires `voiceschanged`; a machine without voices never fires it. */
const VOICE_WAIT_MS = 1500;

/** The class on the block being read; styled in reader.css. */
export const READING_CLASS = 'dg-tts-current';

export type ReadAloudStatus = 'idle' | 'playing' | 'paused';

/** What the reading view's keyboard handler can ask of the control. */
export interface ReadAloudControl {
  toggle: () => void;
  stop: () => void;
  faster: (dir: -1 | 1) => void;
}

interface Props {
  engine: SpeechEngine | null;
  /** The elements to read, in order (title, sapo, body), looked up when reading starts. */
  source: () => Element[];
  rate: SpeechRate;
  onRate: (rate: SpeechRate) => void;
  /** Filled on every render, for keyboard shortcuts handled by the view. */
  control?: { current: ReadAloudControl | null };
  /** Status changes for the view's live region. */
  onAnnounce: (text: string) => void;
}

type VoiceState = { kind: 'loading' } | { kind: 'none' } | { kind: 'ready'; voice: VoiceLike };

const voiceState = (engine: SpeechEngine | null, settled: boolean): VoiceState => {
  const voices = engine?.voices() ?? [];
  const voice = pickVietnameseVoice(voices);
  if (voice) return { kind: 'ready', voice };
  return voices.length === 0 && !settled && engine ? { kind: 'loading' } : { kind: 'none' };
};

/**
 * Read aloud: title, sapo and body, one block per utterance, with the block
 * being read highlighted and kept in view. Speaks only with a Vietnamese
 * voice; without one the control says so and stays silent.
 */
export function ReadAloud({ engine, source, rate, onRate, control, onAnnounce }: Props) {
  const [voice, setVoice] = useState<VoiceState>(() => voiceState(engine, false));
  const [status, setStatusState] = useState<ReadAloudStatus>('idle');
  const [showHint, setShowHint] = useState(false);

  // Engine callbacks arrive long after the render that started them: they read refs, not state.
  const live = useRef({ status: 'idle' as ReadAloudStatus, voice, rate, index: 0, restartOnResume: false });
  live.current.voice = voice;
  live.current.rate = rate;
  const segments = useRef<SpeechSegment[]>([]);
  /** Bumped on stop and restart: events of older utterances are ignored. */
  const generation = useRef(0);
  const highlighted = useRef<Element | null>(null);

  const setStatus = (s: ReadAloudStatus, announce?: MessageKey) => {
    live.current.status = s;
    setStatusState(s);
    if (announce) onAnnounce(t(announce));
  };

  const highlight = (el: Element | null) => {
    if (highlighted.current === el) return;
    highlighted.current?.classList.remove(READING_CLASS);
    highlighted.current = el;
    if (!el) return;
    el.classList.add(READING_CLASS);
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    }
  };

  const speakAt = (i: number) => {
    const seg = segments.current[i];
    const v = live.current.voice;
    if (!engine || v.kind !== 'ready') return;
    if (!seg) {
      highlight(null);
      setStatus('idle', 'ttsStatusDone');
      return;
    }
    live.current.index = i;
    highlight(seg.block);
    const gen = generation.current;
    engine.speak(
      seg.text,
      { voice: v.voice, rate: live.current.rate },
      {
        onEnd: () => {
          if (gen === generation.current && live.current.status !== 'idle') speakAt(i + 1);
        },
        onError: (error) => {
          // cancel() reports the dropped utterance as interrupted or canceled: that is us, not a failure.
          if (gen !== generation.current || error === 'interrupted' || error === 'canceled') return;
          stop('ttsStatusError');
        },
      },
    );
  };

  const stop = (announce: MessageKey = 'ttsStatusStopped') => {
    generation.current++;
    live.current.restartOnResume = false;
    engine?.cancel();
    highlight(null);
    if (live.current.status !== 'idle') setStatus('idle', announce);
  };

  const toggle = () => {
    if (!engine || live.current.voice.kind !== 'ready') {
      setShowHint(true);
      if (live.current.voice.kind === 'none') onAnnounce(`${t('ttsNoVoice')}. ${t('ttsNoVoiceHint')}`);
      return;
    }
    const s = live.current.status;
    if (s === 'playing') {
      engine.pause();
      setStatus('paused', 'ttsStatusPaused');
    } else if (s === 'paused') {
      setStatus('playing', 'ttsStatusPlaying');
      if (live.current.restartOnResume) {
        live.current.restartOnResume = false;
        speakAt(live.current.index);
      } else engine.resume();
    } else {
      segments.current = source().flatMap((el) => speechSegments(el));
      generation.current++;
      setStatus('playing', 'ttsStatusPlaying');
      speakAt(0);
    }
  };

  const changeRate = (next: SpeechRate) => {
    onRate(next);
    live.current.rate = next;
    // A running utterance keeps its rate: say the current block again at the new one.
    if (!engine || live.current.status === 'idle') return;
    generation.current++;
    engine.cancel();
    if (live.current.status === 'playing') speakAt(live.current.index);
    else live.current.restartOnResume = true;
  };

  if (control) control.current = { toggle, stop: () => stop(), faster: (dir) => changeRate(stepRate(rate, dir)) };

  useEffect(() => {
    if (!engine) return;
    const update = () => setVoice(voiceState(engine, true));
    const unsubscribe = engine.onVoicesChanged(update);
    const timer = setTimeout(
      () => setVoice((v) => (v.kind === 'loading' ? voiceState(engine, true) : v)),
      VOICE_WAIT_MS,
    );
    return () => {
      clearTimeout(timer);
      unsubscribe();
      // The view is closing: no voice may go on reading a page nobody sees.
      generation.current++;
      engine.cancel();
      highlighted.current?.classList.remove(READING_CLASS);
    };
  }, [engine]);

  const ready = voice.kind === 'ready';
  const none = voice.kind === 'none';
  const lang = uiLang();
  const playLabel = status === 'playing' ? t('ttsPause') : status === 'paused' ? t('ttsResume') : t('ttsPlay');
  return (
    <fieldset class="dg-tts" data-testid="tts" data-status={status}>
      <legend class="dg-sr-only">{t('readAloud')}</legend>
      <button
        type="button"
        class="dg-btn dg-tts__play"
        data-testid="tts-play"
        // Not `disabled`: it stays focusable, so keyboard and screen-reader users find out why it does nothing.
        aria-disabled={!ready}
        aria-describedby={none ? 'dg-tts-none' : undefined}
        aria-keyshortcuts="R"
        title={`${playLabel} (R)`}
        onClick={toggle}
      >
        <span aria-hidden="true">{status === 'playing' ? '❚❚ ' : '▶ '}</span>
        {playLabel}
      </button>
      <button
        type="button"
        class="dg-btn dg-tts__stop"
        data-testid="tts-stop"
        disabled={status === 'idle'}
        aria-label={t('ttsStop')}
        title={t('ttsStop')}
        onClick={() => stop()}
      >
        <span aria-hidden="true">■</span>
      </button>
      <select
        class="dg-tts__rate"
        data-testid="tts-rate"
        aria-label={t('ttsRate')}
        title={t('ttsRate')}
        disabled={!ready}
        value={String(rate)}
        onChange={(e) => changeRate(snapRate(Number((e.currentTarget as HTMLSelectElement).value)))}
      >
        {SPEECH_RATES.map((r) => (
          <option key={r} value={String(r)}>
            {formatRate(r, lang)}
          </option>
        ))}
      </select>
      {none && (
        <span class="dg-tts__none" id="dg-tts-none" data-testid="tts-no-voice">
          {t('ttsNoVoice')}
        </span>
      )}
      {none && showHint && (
        <p class="dg-tts__hint" role="note" data-testid="tts-hint">
          {t('ttsNoVoiceHint')}
        </p>
      )}
    </fieldset>
  );
}
