import type { SpeechEngine } from '@/utils/speech/engine';

/**
 * The browser's speech synthesis as a SpeechEngine. Web API only (no
 * extension API), so it works the same in the content script and on the
 * library page. null where the browser has none.
 */
export function browserSpeechEngine(): SpeechEngine | null {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return null;
  const synth = speechSynthesis;
  // Chrome can garbage-collect an utterance that is still speaking, and then its `end` never fires: hold on to it.
  let current: SpeechSynthesisUtterance | null = null;
  return {
    voices: () => synth.getVoices(),
    onVoicesChanged(listener) {
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
    speak(text, { voice, rate }, events) {
      const u = new SpeechSynthesisUtterance(text);
      // The voice object must be one of getVoices()' own; the caller may hold a copy.
      const real = synth.getVoices().find((v) => v.voiceURI === voice.voiceURI && v.name === voice.name);
      if (real) u.voice = real;
      u.lang = voice.lang.replace('_', '-');
      u.rate = rate;
      const done = () => {
        if (current === u) current = null;
      };
      u.onstart = () => events.onStart?.();
      u.onend = () => {
        done();
        events.onEnd();
      };
      u.onerror = (e) => {
        done();
        events.onError(e.error);
      };
      current = u;
      synth.speak(u);
    },
    pause: () => synth.pause(),
    resume: () => synth.resume(),
    cancel() {
      current = null;
      synth.cancel();
      // Chrome keeps the paused flag across cancel(), and would stay silent on the next speak().
      if (synth.paused) synth.resume();
    },
  };
}
