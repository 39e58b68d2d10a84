/**
 * Read aloud, keyboard and accessibility in real headless Chromium with the
 * built extension, on the seed article and corpus pages served under their
 * real URLs.
 *
 * The speech stub: the reader is a content script, so it runs in the
 * extension's isolated world. DOM wrappers and their prototypes are per world,
 * so overriding `speechSynthesis.getVoices` with `page.addInitScript` (main
 * world) is invisible to it; we checked: the isolated world still saw the real,
 * empty voice list. The stub therefore goes into the extension's own world
 * over CDP (Runtime.evaluate with that world's context id), where it replaces
 * getVoices/speak/pause/resume/cancel on the same object the reader uses. The
 * world exists from page load on, because detect.content.ts runs there on news
 * sites. The test then ends utterances itself, one by one, so nothing depends
 * on timing.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Gold, type Harness, launch, loadGold, norm } from './harness';

const seed: Gold = loadGold('seed-article.gold.json');
const CORPUS = ['tuoitre.vn--gia-hoa-nhap-khau-8-3', 'dantri.com.vn--gia-vang-giam'];
const corpus: Gold[] = CORPUS.map((s) => loadGold(`corpus/${s}.gold.json`));

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.serve(seed.url, 'seed-article.html');
  for (const [i, s] of CORPUS.entries()) await h.serve(corpus[i]?.url ?? '', `corpus/${s}.html`);
});
afterAll(async () => h?.close());

interface FakeVoice {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}
const voice = (name: string, lang: string, isDefault = false): FakeVoice => ({
  name,
  lang,
  voiceURI: name,
  localService: true,
  default: isDefault,
});
const VI = voice('Fake An - Vietnamese (Vietnam)', 'vi-VN');
const EN = [voice('Fake David - English (United States)', 'en-US', true), voice('Fake Hazel', 'en-GB')];

interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}
interface SpeechLog {
  spoken: Spoken[];
  calls: string[];
}

/** Installed in the extension's isolated world: records what would be said and lets the test end each utterance. */
function fakeSpeech(initial: FakeVoice[]) {
  let voices = initial;
  const log: SpeechLog & { current: SpeechSynthesisUtterance | null } = { spoken: [], calls: [], current: null };
  // Real SpeechSynthesisVoice objects cannot be made; let utterances take our plain ones.
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    configurable: true,
    get() {
      return (this as { fakeVoice?: FakeVoice }).fakeVoice ?? null;
    },
    set(v: FakeVoice) {
      (this as { fakeVoice?: FakeVoice }).fakeVoice = v;
    },
  });
  const synth = speechSynthesis as unknown as Record<string, unknown>;
  synth.getVoices = () => voices;
  synth.speak = (u: SpeechSynthesisUtterance) => {
    log.calls.push('speak');
    log.spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: (u.voice as FakeVoice | null)?.name ?? null });
    log.current = u;
    u.dispatchEvent(new Event('start'));
  };
  synth.pause = () => log.calls.push('pause');
  synth.resume = () => log.calls.push('resume');
  synth.cancel = () => {
    log.calls.push('cancel');
    const u = log.current;
    log.current = null;
    // As Chrome does: the dropped utterance reports an error.
    u?.dispatchEvent(new SpeechSynthesisErrorEvent('error', { utterance: u, error: 'interrupted' }));
  };
  (globalThis as Record<string, unknown>).__dgSpeech = {
    log: (): SpeechLog => ({ spoken: log.spoken, calls: log.calls }),
    finish() {
      const u = log.current;
      log.current = null;
      u?.dispatchEvent(new Event('end'));
    },
    setVoices(next: FakeVoice[]) {
      voices = next;
      speechSynthesis.dispatchEvent(new Event('voiceschanged'));
    },
  };
}

/** Evaluates expressions in the extension's isolated world of `page`'s main frame. */
async function extensionWorld(page: Page) {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => {
    contexts.length = 0;
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const origin = `chrome-extension://${h.extensionId}`;
  const find = () => contexts.find((c) => c.origin === origin && c.auxData?.frameId === frameTree.frame.id);
  await expect.poll(() => !!find(), { message: 'detect.content.ts has not run in the page' }).toBe(true);
  return async <T>(expression: string): Promise<T> => {
    const res = await cdp.send('Runtime.evaluate', {
      contextId: find()?.id,
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails) throw new Error(res.exceptionDetails.exception?.description ?? res.exceptionDetails.text);
    return res.result.value as T;
  };
}

/** The seed page with the speech stub in place, before the reader is opened. */
async function pageWithVoices(voices: FakeVoice[]) {
  const page = await h.context.newPage();
  await page.goto(seed.url);
  const world = await extensionWorld(page);
  await world(`(${fakeSpeech.toString()})(${JSON.stringify(voices)})`);
  const speech = {
    log: () => world<SpeechLog>('__dgSpeech.log()'),
    finish: () => world('__dgSpeech.finish()'),
    setVoices: (v: FakeVoice[]) => world(`__dgSpeech.setVoices(${JSON.stringify(v)})`),
  };
  return { page, speech, tabId: await h.tabIdOf(page) };
}

/** Text of the block(s) highlighted as being read. */
const highlighted = (page: Page) =>
  page
    .getByTestId('reader-root')
    .locator('.dg-tts-current')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

const lastSpoken = async (speech: { log: () => Promise<SpeechLog> }) => (await speech.log()).spoken.at(-1);

describe('read aloud', () => {
  it('with a Vietnamese voice: reads title, sapo, body block by block, highlighted; pause, resume, speed, stop', async () => {
    const { page, speech, tabId } = await pageWithVoices([...EN, VI]);
    await h.openReader(page, tabId);
    const play = page.getByTestId('tts-play');
    await expect.poll(() => play.getAttribute('aria-disabled')).toBe('false');
    expect(await page.getByTestId('tts-no-voice').count()).toBe(0);
    expect(norm(await play.innerText())).toContain('Đọc to');

    await play.click();
    // The title first, with the Vietnamese voice (never the English default) at 1x.
    await expect.poll(async () => (await speech.log()).spoken.length).toBe(1);
    expect(await lastSpoken(speech)).toEqual({ text: seed.title, lang: 'vi-VN', rate: 1, voice: VI.name });
    expect(await highlighted(page)).toEqual([seed.title]);
    expect(await page.getByTestId('reader-announce').innerText()).toBe('Đang đọc to');

    // Each utterance's end moves on to the next: the sapo (long, so in sentence-sized parts), then the body.
    const body = page.getByTestId('reader-content');
    const lead = norm(seed.lead ?? '');
    const leadParts: string[] = [];
    for (let n = 2; ; n++) {
      await speech.finish();
      await expect.poll(async () => (await speech.log()).spoken.length).toBe(n);
      if (await body.locator('.dg-tts-current').count()) break;
      expect(await highlighted(page)).toEqual([lead]);
      leadParts.push((await lastSpoken(speech))?.text ?? '');
      expect(leadParts.length).toBeLessThan(10);
    }
    expect(leadParts.length).toBeGreaterThan(1);
    expect(leadParts.join(' ')).toBe(lead);
    const first = await lastSpoken(speech);
    expect(await body.locator('.dg-tts-current').count()).toBe(1);
    expect(norm(await body.locator('.dg-tts-current').innerText())).toContain(first?.text);
    expect(norm(seed.paragraphs[0] ?? '')).toContain(first?.text);
    const n = (await speech.log()).spoken.length;
    await speech.finish();
    await expect.poll(async () => (await speech.log()).spoken.length).toBe(n + 1);
    // The highlight moved on and the block is in view.
    const second = await lastSpoken(speech);
    expect(norm(await body.locator('.dg-tts-current').innerText())).toContain(second?.text);
    const box = await body.locator('.dg-tts-current').boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);

    // Pause and resume: the engine is asked, the button and the live region follow.
    await play.click();
    await expect.poll(async () => (await speech.log()).calls.at(-1)).toBe('pause');
    expect(await page.getByTestId('tts').getAttribute('data-status')).toBe('paused');
    expect(norm(await play.innerText())).toContain('Đọc tiếp');
    expect(await page.getByTestId('reader-announce').innerText()).toBe('Đã tạm dừng đọc');
    await play.click();
    await expect.poll(async () => (await speech.log()).calls.at(-1)).toBe('resume');
    expect(norm(await play.innerText())).toContain('Tạm dừng');

    // Speed: the current block is said again at the new rate, and the rate is stored.
    await page.getByTestId('tts-rate').selectOption('1.25');
    await expect.poll(async () => (await lastSpoken(speech))?.rate).toBe(1.25);
    expect((await lastSpoken(speech))?.text).toBe(second?.text);
    const w = await h.worker();
    await expect
      .poll(() => w.evaluate(() => chrome.storage.local.get('speechPrefs')))
      .toEqual({ speechPrefs: { rate: 1.25 } });

    // Stop: silence, no highlight, and a late `end` does not start the next block.
    const before = (await speech.log()).spoken.length;
    await page.getByTestId('tts-stop').click();
    await expect.poll(() => page.getByTestId('tts').getAttribute('data-status')).toBe('idle');
    expect((await speech.log()).calls.at(-1)).toBe('cancel');
    expect(await highlighted(page)).toEqual([]);
    expect(await page.getByTestId('reader-announce').innerText()).toBe('Đã dừng đọc');
    await speech.finish();
    expect((await speech.log()).spoken.length).toBe(before);

    // Closing the view while reading stops the voice; the speed is remembered on the next open.
    await play.click();
    await expect.poll(async () => (await speech.log()).spoken.length).toBe(before + 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('doc-gon-reader').count()).toBe(0);
    expect((await speech.log()).calls.at(-1)).toBe('cancel');
    await h.openReader(page, tabId);
    expect(await page.getByTestId('tts-rate').inputValue()).toBe('1.25');
    await page.close();
  });

  it('without a Vietnamese voice: says so, explains how to get one, and never speaks', async () => {
    const { page, speech, tabId } = await pageWithVoices(EN);
    await h.openReader(page, tabId);
    const play = page.getByTestId('tts-play');
    await expect.poll(() => page.getByTestId('tts-no-voice').count()).toBe(1);
    expect(await page.getByTestId('tts-no-voice').innerText()).toBe('Máy chưa có giọng đọc tiếng Việt');
    expect(await play.getAttribute('aria-disabled')).toBe('true');
    // The note is the button's description, for screen readers too.
    expect(await play.getAttribute('aria-describedby')).toBe('dg-tts-none');
    expect(await page.getByTestId('tts-rate').isDisabled()).toBe(true);
    // Still focusable and clickable (aria-disabled, not disabled), so it can explain itself.
    await play.click({ force: true });
    await page.getByTestId('reader-root').press('r');
    expect(await page.getByTestId('tts-hint').innerText()).toMatch(/Cài giọng đọc tiếng Việt/);
    expect(await page.getByTestId('reader-announce').innerText()).toContain('Máy chưa có giọng đọc tiếng Việt');
    expect(await speech.log()).toEqual({ spoken: [], calls: [] });
    expect(await highlighted(page)).toEqual([]);
    await page.close();
  });

  it('voices that arrive late (Chrome loads them asynchronously) enable the control', async () => {
    const { page, speech, tabId } = await pageWithVoices([]);
    await h.openReader(page, tabId);
    const play = page.getByTestId('tts-play');
    expect(await play.getAttribute('aria-disabled')).toBe('true');
    await speech.setVoices([...EN, VI]);
    await expect.poll(() => play.getAttribute('aria-disabled')).toBe('false');
    expect(await page.getByTestId('tts-no-voice').count()).toBe(0);
    await page.getByTestId('reader-root').press('r');
    await expect.poll(async () => (await lastSpoken(speech))?.voice).toBe(VI.name);
    await page.close();
  });
});

/** The element focused inside the reader's shadow root, described for assertions. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement;
    const el = host?.shadowRoot?.activeElement ?? null;
    if (host?.tagName !== 'DOC-GON-READER' || !el) return { inside: false, id: host?.tagName ?? null, outline: '' };
    const cs = getComputedStyle(el);
    const id =
      el.getAttribute('data-testid') ??
      el.getAttribute('aria-label') ??
      `${el.tagName}:${(el.textContent ?? '').trim().slice(0, 40)}`;
    return {
      inside: !!el.closest('[data-testid="reader-root"]'),
      id,
      outline: cs.outlineStyle === 'none' ? '' : `${cs.outlineStyle} ${cs.outlineWidth}`,
    };
  });

describe('keyboard only', () => {
  it('opens from the popup, cycles Tab inside the view with visible focus, uses + − 0 R T ?, Esc returns focus', async () => {
    const { page, speech, tabId } = await pageWithVoices([VI]);
    // A link in the page has focus before the view opens.
    const link = page.locator('a[href]:visible').first();
    await link.evaluate((a) => a.setAttribute('data-test-origin', ''));
    await link.focus();

    // The popup with the keyboard: Tab to "Đọc gọn", Enter.
    const popup = await h.openPopup(tabId);
    await popup.getByTestId('open-reader').waitFor();
    for (let i = 0; i < 15; i++) {
      await popup.keyboard.press('Tab');
      if (await popup.getByTestId('open-reader').evaluate((b) => b === document.activeElement)) break;
    }
    await popup.keyboard.press('Enter');
    await page.bringToFront();
    await page.getByTestId('reader-root').waitFor();
    await popup.close();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DOC-GON-READER');

    // Tab through everything: focus never leaves the view, every stop shows an outline, and it wraps.
    const count = await page
      .getByTestId('reader-root')
      .evaluate(
        (root) =>
          Array.from(root.querySelectorAll<HTMLElement>('a[href], button, input, select, summary')).filter(
            (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
          ).length,
      );
    expect(count).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.inside, `Tab ${i + 1} left the view (${f.id})`).toBe(true);
      expect(f.outline, `no visible focus on ${f.id}`).toMatch(/^solid [1-9]/);
      seen.push(f.id ?? '');
    }
    for (const id of ['font-decrease', 'font-increase', 'tts-play', 'tts-rate', 'shortcuts-toggle', 'reader-close'])
      expect(seen).toContain(id);
    // After the last control comes the first again; Shift+Tab goes back over the edge.
    expect(seen[count]).toBe(seen[0]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).toBe(seen[count - 1]);

    // Text size with + − 0; the size is announced by its live region.
    const size = () => page.getByTestId('font-size').innerText();
    const start = await size();
    await page.keyboard.press('+');
    await expect.poll(size).not.toBe(start);
    expect(
      await page.getByTestId('font-size').evaluate((o) => o.tagName === 'OUTPUT' || o.getAttribute('aria-live')),
    ).toBeTruthy();
    await page.keyboard.press('-');
    await expect.poll(size).toBe(start);
    await page.keyboard.press('+');
    await page.keyboard.press('0');
    await expect.poll(size).toBe('20 px');

    // R reads and pauses.
    await page.keyboard.press('r');
    await expect.poll(async () => (await lastSpoken(speech))?.text).toBe(seed.title);
    await expect.poll(() => page.getByTestId('reader-announce').innerText()).toBe('Đang đọc to');
    await page.keyboard.press('r');
    await expect.poll(async () => (await speech.log()).calls.at(-1)).toBe('pause');

    // T cycles the theme, announced.
    const theme = () => page.getByTestId('reader-root').getAttribute('data-dg-theme');
    const before = await theme();
    await page.keyboard.press('t');
    await expect.poll(theme).not.toBe(before);
    expect(await page.getByTestId('reader-announce').innerText()).toMatch(/^Giao diện: /);

    // ? shows the shortcut list and hides it again.
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await help.waitFor();
    const helpText = norm(await help.innerText());
    for (const k of ['Phím tắt', 'Esc', 'R', 'Alt+Shift+R', 'Tab']) expect(helpText).toContain(k);
    await page.keyboard.press('?');
    await expect.poll(() => help.count()).toBe(0);

    // Esc closes, silences the voice, and gives focus back to the link.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('doc-gon-reader').count()).toBe(0);
    expect((await speech.log()).calls.at(-1)).toBe('cancel');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-test-origin'))).toBe(true);
    await page.close();
  });
});

/**
 * Serious and critical violations, one line each, so a failure says what and
 * where; and how many buttons axe found named, proof that it saw the content
 * (a selector that matched nothing would pass with no violations).
 */
async function audit(
  builder: AxeBuilder,
): Promise<{ serious: string[]; namedButtons: number; contrastChecked: number }> {
  const { violations, passes } = await builder.analyze();
  return {
    serious: violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    namedButtons: passes.find((p) => p.id === 'button-name')?.nodes.length ?? 0,
    contrastChecked: passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0,
  };
}
const readerAudit = (page: Page) =>
  audit(new AxeBuilder({ page }).include({ fromShadowDom: ['doc-gon-reader', '.dg-reader'] }));

describe('axe-core: no serious or critical violations', () => {
  // In the page, axe cannot work out colours under WXT's shadow root (its <html> inside the shadow root):
  // color-contrast comes back "incomplete" for every node. The library shows the same view in a plain
  // document, where it can, so the themes' contrast is checked there (next test).
  it('the reading view on the article page, in every theme', async () => {
    const { page, tabId } = await pageWithVoices([VI]);
    await h.openReader(page, tabId);
    const root = page.getByTestId('reader-root');
    // The article structure axe relies on: a labelled modal dialog, one h1, alt kept on images.
    expect(await root.getAttribute('role')).toBe('dialog');
    expect(await root.getAttribute('aria-modal')).toBe('true');
    expect(await root.getAttribute('aria-labelledby')).toBe('dg-title');
    expect(await root.locator('h1').count()).toBe(1);
    expect(await root.locator('h1').getAttribute('id')).toBe('dg-title');
    expect(await root.locator('img:not([alt])').count()).toBe(0);
    for (let i = 0; i < 4; i++) {
      const theme = await root.getAttribute('data-dg-theme');
      const res = await readerAudit(page);
      expect(res.serious, `theme ${theme}`).toEqual([]);
      expect(res.namedButtons).toBeGreaterThan(10);
      // Next theme, by key.
      await root.press('t');
      await expect.poll(() => root.getAttribute('data-dg-theme')).not.toBe(theme);
    }
    // The shortcut list and the no-voice note are part of the view too.
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    expect((await readerAudit(page)).serious).toEqual([]);
    await page.close();
  });

  it('the popup and the library with saved articles, and an article opened in it', async () => {
    for (const url of [seed.url, ...corpus.map((g) => g.url)]) {
      await h.saveFromPopup(url);
    }
    const page = await h.context.newPage();
    await page.goto(seed.url);
    const popup = await h.openPopup(await h.tabIdOf(page));
    await expect.poll(() => popup.getByTestId('saved-article').count()).toBe(3);
    const pop = await audit(new AxeBuilder({ page: popup }));
    expect(pop.serious).toEqual([]);
    expect(pop.namedButtons).toBeGreaterThan(3);
    await popup.close();
    await page.close();

    const lib = await h.context.newPage();
    await lib.goto(`chrome-extension://${h.extensionId}/library.html`);
    await expect.poll(() => lib.getByTestId('library-article').count(), { timeout: 20_000 }).toBe(3);
    const list = await audit(new AxeBuilder({ page: lib }));
    expect(list.serious).toEqual([]);
    expect(list.namedButtons).toBeGreaterThan(3);
    await lib.getByTestId('library-article').first().getByTestId('library-open').click();
    const root = lib.getByTestId('reader-root');
    await root.waitFor();
    // Every theme, and "follow the system" under both system schemes: contrast is really measured here.
    for (let i = 0; i < 4; i++) {
      const theme = await root.getAttribute('data-dg-theme');
      for (const colorScheme of theme === 'system' ? (['light', 'dark'] as const) : (['light'] as const)) {
        await lib.emulateMedia({ colorScheme });
        const res = await audit(new AxeBuilder({ page: lib }));
        expect(res.serious, `theme ${theme} (${colorScheme})`).toEqual([]);
        expect(res.contrastChecked).toBeGreaterThan(20);
      }
      await root.press('t');
      await expect.poll(() => root.getAttribute('data-dg-theme')).not.toBe(theme);
    }
    await lib.emulateMedia({ colorScheme: 'light' });
    // Esc closes the saved copy too, and focus goes back to the row's "Đọc" button.
    await lib.keyboard.press('Escape');
    await expect.poll(() => lib.getByTestId('reader-root').count()).toBe(0);
    expect(
      await lib
        .getByTestId('library-article')
        .first()
        .getByTestId('library-open')
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await lib.close();
  });
});
