// @vitest-environment jsdom
/**
 * The read-aloud control inside the reading view, on the real seed article,
 * driven through its SpeechEngine interface. These are the paths the Chromium
 * test (tests/e2e/a11y.e2e.test.ts) cannot reach without waiting on a clock: a
 * machine that never reports any voice (the wait ends in "no voice"), the late
 * events of a cancelled utterance, a speed change while paused, a voice error,
 * the end of the article, and closing the view mid-sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReaderView } from '@/components/reader/ReaderView';
import { extractArticle } from '@/utils/extract';
import type { SpeakEvents, SpeechEngine } from '@/utils/speech/engine';
import { speechSegments } from '@/utils/speech/segments';
import type { VoiceLike } from '@/utils/speech/voices';
import { FONT_PREFS_FALLBACK } from '@/utils/storage/font-prefs';

const html = readFileSync(join(process.cwd(), 'tests/fixtures/seed-article.html'), 'utf8');
const article = extractArticle(new DOMParser().parseFromString(html, 'text/html'));
if (!article) throw new Error('seed must extract');

const VI: VoiceLike = { name: 'Microsoft An', lang: 'vi-VN', voiceURI: 'an', localService: true, default: false };
const EN: VoiceLike = { name: 'Microsoft David', lang: 'en-US', voiceURI: 'david', localService: true, default: true };

/** Says nothing; records what it was asked and lets the test end or fail the current utterance. */
class FakeEngine implements SpeechEngine {
  spoken: { text: string; rate: number; voice: string }[] = [];
  calls: string[] = [];
  current: SpeakEvents | null = null;
  private listeners = new Set<() => void>();
  constructor(public list: VoiceLike[]) {}
  voices = () => this.list;
  onVoicesChanged(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  setVoices(list: VoiceLike[]) {
    this.list = list;
    for (const l of this.listeners) l();
  }
  speak(text: string, opts: { voice: VoiceLike; rate: number }, events: SpeakEvents) {
    this.calls.push('speak');
    this.spoken.push({ text, rate: opts.rate, voice: opts.voice.name });
    this.current = events;
    events.onStart?.();
  }
  pause = () => void this.calls.push('pause');
  resume = () => void this.calls.push('resume');
  cancel() {
    this.calls.push('cancel');
    const ev = this.current;
    this.current = null;
    ev?.onError('interrupted');
  }
  end() {
    const ev = this.current;
    this.current = null;
    ev?.onEnd();
  }
}

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.useRealTimers();
});

function mount(engine: FakeEngine) {
  act(() => {
    render(
      <ReaderView
        article={article}
        site="baoquocte.vn"
        fontPrefs={FONT_PREFS_FALLBACK}
        onFontPrefs={() => undefined}
        onClose={() => undefined}
        speechEngine={engine}
      />,
      host,
    );
  });
  const q = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return {
    q,
    play: () => act(() => q('tts-play')?.click()),
    status: () => q('tts')?.getAttribute('data-status'),
    announced: () => q('reader-announce')?.textContent,
    highlighted: () => Array.from(host.querySelectorAll('.dg-tts-current')),
  };
}

describe('ReadAloud in the reading view', () => {
  it('a machine that never reports a voice: after the wait, says there is no Vietnamese voice; a late list enables it', () => {
    vi.useFakeTimers();
    const engine = new FakeEngine([]);
    const v = mount(engine);
    // Still waiting: silent and disabled, but no verdict yet.
    expect(v.q('tts-play')?.getAttribute('aria-disabled')).toBe('true');
    expect(v.q('tts-no-voice')).toBeNull();
    act(() => void vi.advanceTimersByTime(2000));
    expect(v.q('tts-no-voice')?.textContent).toBe('Máy chưa có giọng đọc tiếng Việt');
    v.play();
    expect(engine.spoken).toEqual([]);
    expect(v.q('tts-hint')?.textContent).toMatch(/Cài giọng đọc tiếng Việt/);
    // An English voice alone changes nothing; a Vietnamese one enables the control.
    act(() => engine.setVoices([EN]));
    expect(v.q('tts-no-voice')).not.toBeNull();
    act(() => engine.setVoices([EN, VI]));
    expect(v.q('tts-no-voice')).toBeNull();
    expect(v.q('tts-play')?.getAttribute('aria-disabled')).toBe('false');
  });

  it('reads the whole article, block after block, then says it is done and clears the highlight', () => {
    const engine = new FakeEngine([EN, VI]);
    const v = mount(engine);
    v.play();
    const expected = [
      ...speechSegments(host.querySelector('.dg-title') as Element),
      ...speechSegments(host.querySelector('.dg-lead') as Element),
      ...speechSegments(host.querySelector('.dg-body') as Element),
    ];
    for (let i = 0; i < expected.length; i++) {
      expect(engine.spoken[i]?.text).toBe(expected[i]?.text);
      expect(v.highlighted()).toEqual([expected[i]?.block]);
      act(() => engine.end());
    }
    expect(engine.spoken).toHaveLength(expected.length);
    expect(new Set(engine.spoken.map((s) => s.voice))).toEqual(new Set([VI.name]));
    expect(v.status()).toBe('idle');
    expect(v.announced()).toBe('Đã đọc hết bài');
    expect(v.highlighted()).toEqual([]);
  });

  it('late events of a cancelled utterance do not start the next block', () => {
    const engine = new FakeEngine([VI]);
    const v = mount(engine);
    v.play();
    act(() => engine.end());
    const stale = engine.current;
    act(() => v.q('tts-stop')?.click());
    expect(v.status()).toBe('idle');
    expect(v.announced()).toBe('Đã dừng đọc');
    // Chrome may still deliver `end` for the utterance it dropped.
    act(() => stale?.onEnd());
    expect(engine.spoken).toHaveLength(2);
    expect(v.highlighted()).toEqual([]);
  });

  it('a speed change while paused: resuming says the current block again at the new speed', () => {
    const engine = new FakeEngine([VI]);
    const v = mount(engine);
    v.play();
    act(() => engine.end());
    v.play(); // pause
    expect(v.status()).toBe('paused');
    const select = v.q('tts-rate') as HTMLSelectElement;
    act(() => {
      select.value = '1.5';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(engine.calls.at(-1)).toBe('cancel');
    expect(v.status()).toBe('paused');
    v.play(); // resume
    expect(engine.calls.at(-1)).toBe('speak');
    expect(engine.spoken.at(-1)).toEqual({ ...engine.spoken[1], rate: 1.5 });
    expect(v.status()).toBe('playing');
  });

  it('a voice error stops reading and says so', () => {
    const engine = new FakeEngine([VI]);
    const v = mount(engine);
    v.play();
    act(() => engine.current?.onError('synthesis-failed'));
    expect(v.status()).toBe('idle');
    expect(v.announced()).toBe('Giọng đọc bị lỗi nên đã dừng');
    expect(v.highlighted()).toEqual([]);
  });

  it('closing the view mid-sentence silences the voice', () => {
    const engine = new FakeEngine([VI]);
    const v = mount(engine);
    v.play();
    expect(v.highlighted()).toHaveLength(1);
    act(() => render(null, host));
    expect(engine.calls.at(-1)).toBe('cancel');
    expect(host.querySelectorAll('.dg-tts-current')).toHaveLength(0);
  });
});
