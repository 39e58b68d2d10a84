// @vitest-environment jsdom
/**
 * Read aloud, browser-free part: the rendered article becomes utterances on
 * every fixture page (seed and corpus), a Vietnamese voice is picked from voice
 * lists as browsers report them, speeds snap to the offered steps, and the
 * stored speed is validated. The reading view's side (highlight, pause, the
 * "no Vietnamese voice" state) is tested in Chromium: tests/e2e/a11y.e2e.test.ts.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFixturePages } from '../../scripts/lib/corpus';
import { extractArticle } from '../../utils/extract';
import { DEFAULT_SPEECH_RATE, formatRate, SPEECH_RATES, snapRate, stepRate } from '../../utils/speech/rate';
import { MAX_UTTERANCE_CHARS, speechSegments, splitForSpeech } from '../../utils/speech/segments';
import { isVietnameseVoice, pickVietnameseVoice, type VoiceLike } from '../../utils/speech/voices';
import { loadSpeechPrefs, normalizeSpeechPrefs, speechPrefsItem } from '../../utils/storage/speech-prefs';
import { collapseWhitespace } from '../../utils/text/normalize';

const pages = loadFixturePages(process.cwd());

/** The body as the reading view renders it: the sanitized contentHtml in a container. */
function renderBody(html: string, url: string) {
  const win = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;
  const article = extractArticle(win.document, { url });
  if (!article) throw new Error(`no article in ${url}`);
  const view = new JSDOM('<div class="dg-body"></div>').window.document;
  const body = view.querySelector('.dg-body') as Element;
  body.innerHTML = article.contentHtml;
  return { article, body };
}

/** Letters and digits only: segment text and block text differ in spacing and the commas between table cells. */
const bare = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');

describe.each(pages.map((p) => [p.name, p] as const))('utterances for %s', (_name, page) => {
  const { article, body } = renderBody(page.html, page.gold.url);
  const segments = speechSegments(body);
  const spoken = segments.map((s) => s.text).join(' ');

  it('reads every gold paragraph, in the page order', () => {
    let from = 0;
    for (const p of page.gold.paragraphs.map(collapseWhitespace)) {
      const at = spoken.indexOf(p, from);
      expect(at, p.slice(0, 60)).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('reads only text the article shows (nothing the extraction dropped)', () => {
    for (const junk of page.gold.mustNotContain) expect(spoken).not.toContain(collapseWhitespace(junk));
  });

  it('ties each utterance to the block that shows it, inside the body', () => {
    expect(segments.length).toBeGreaterThan(3);
    for (const s of segments) {
      expect(body.contains(s.block)).toBe(true);
      expect(bare(s.block.textContent ?? '')).toContain(bare(s.text));
    }
  });

  it('keeps utterances short and never empty', () => {
    for (const s of segments) {
      expect(s.text).toMatch(/[\p{L}\p{N}]/u);
      expect(s.text).toBe(collapseWhitespace(s.text));
      if (s.text.includes(' ')) expect(s.text.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
    }
  });

  it('reads the title and the sapo as one utterance each when they are short', () => {
    const doc = body.ownerDocument;
    const h1 = doc.createElement('h1');
    h1.textContent = article.title;
    expect(speechSegments(h1).map((s) => s.text)).toEqual(
      article.title.length <= MAX_UTTERANCE_CHARS ? [collapseWhitespace(article.title)] : expect.any(Array),
    );
  });
});

describe('speechSegments on particular pages', () => {
  const byName = (n: string) => {
    const p = pages.find((x) => x.name.startsWith(n));
    if (!p) throw new Error(`fixture ${n} missing`);
    return renderBody(p.html, p.gold.url);
  };

  it('seed: each of the seven action items is its own highlighted block', () => {
    const { body } = byName('seed-article');
    const itemBlocks = new Set(
      speechSegments(body)
        .map((s) => s.block.getAttribute('data-dg-item'))
        .filter(Boolean),
    );
    expect([...itemBlocks]).toEqual(['1-1', '1-2', '1-3', '1-4', '1-5', '1-6', '1-7']);
  });

  it('tienphong photo story: images are not read, not even their alt', () => {
    const { body } = byName('tienphong.vn');
    const imgs = body.querySelectorAll('img');
    expect(imgs.length).toBeGreaterThan(5);
    // The sanitizer empties this site's file-name alts; give them real text to prove alts are skipped.
    imgs.forEach((img, i) => {
      img.setAttribute('alt', `Ảnh chụp số ${i}`);
    });
    const segs = speechSegments(body);
    expect(segs.length).toBeGreaterThan(5);
    for (const s of segs) expect(s.text).not.toMatch(/Ảnh chụp số|\.jpg/);
  });

  it('text around a nested list is read before and after it, tied to the outer block', () => {
    // Built from a real body: the seed's first paragraph with a list of two real items inside it.
    const { body } = byName('seed-article');
    const doc = body.ownerDocument;
    const [p1, p2, p3] = Array.from(body.querySelectorAll('p')).map((p) => collapseWhitespace(p.textContent ?? ''));
    const li = doc.createElement('li');
    li.append(p1 ?? '');
    const inner = doc.createElement('ul');
    for (const t of [p2, p3]) inner.append(Object.assign(doc.createElement('li'), { textContent: t }));
    li.append(inner, 'Hết.');
    const segs = speechSegments(li);
    expect(segs.map((s) => s.block.tagName)).toEqual([...segs.map(() => 'LI')]);
    expect(segs[0]?.block).toBe(li);
    expect(segs.at(-1)).toEqual({ text: 'Hết.', block: li });
    expect(segs.filter((s) => s.block !== li).length).toBeGreaterThanOrEqual(2);
  });

  it('skips the offline image placeholder and reads a table row by row', () => {
    const { body } = byName('seed-article');
    const doc = body.ownerDocument;
    const ph = doc.createElement('span');
    ph.setAttribute('data-dg-img', 'off');
    ph.textContent = 'Ảnh không tải khi đọc ngoại tuyến';
    const table = doc.createElement('table');
    table.innerHTML = '<tr><th>Tỉnh</th><th>Số dự án</th></tr><tr><td>Bắc Ninh</td><td>12</td></tr>';
    body.prepend(ph, table);
    const texts = speechSegments(body).map((s) => s.text);
    expect(texts.slice(0, 2)).toEqual(['Tỉnh, Số dự án', 'Bắc Ninh, 12']);
    expect(texts.join(' ')).not.toContain('ngoại tuyến');
  });
});

describe('splitForSpeech', () => {
  // The longest paragraph of the corpus, whatever page it is on.
  const longest = pages
    .flatMap((p) => p.gold.paragraphs)
    .map(collapseWhitespace)
    .sort((a, b) => b.length - a.length)[0] as string;

  it('cuts a long paragraph at sentence ends and loses no word', () => {
    expect(longest.length).toBeGreaterThan(MAX_UTTERANCE_CHARS);
    const parts = splitForSpeech(longest);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join(' ')).toBe(longest);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
    // Every piece but the last ends a sentence or a clause, not a random word.
    for (const p of parts.slice(0, -1)) expect(p).toMatch(/[.!?…,;:"”’»)]$/u);
  });

  it('falls back to clauses, then words, when one sentence is too long', () => {
    const sentence = longest.replace(/[.!?…]/g, '');
    const parts = splitForSpeech(sentence, 80);
    expect(parts.join(' ')).toBe(sentence);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(80);
    const words = splitForSpeech('một hai ba bốn năm sáu bảy tám chín mười', 12);
    expect(words).toEqual(['một hai ba', 'bốn năm sáu', 'bảy tám chín', 'mười']);
  });

  it('leaves short text and a single overlong word alone', () => {
    expect(splitForSpeech('Xin chào.')).toEqual(['Xin chào.']);
    const url = `https://example.vn/${'a'.repeat(300)}`;
    expect(splitForSpeech(url)).toEqual([url]);
  });
});

describe('pickVietnameseVoice', () => {
  const v = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({
    name,
    lang,
    voiceURI: name,
    localService,
    default: isDefault,
  });
  // As Chrome on Windows reports them with the Vietnamese speech pack installed.
  const windows = [
    v('Microsoft David - English (United States)', 'en-US', true, true),
    v('Google US English', 'en-US', false),
    v('Google Tiếng Việt', 'vi-VN', false),
    v('Microsoft An - Vietnamese (Vietnam)', 'vi-VN'),
  ];

  it('prefers a local Vietnamese voice over a network one', () => {
    expect(pickVietnameseVoice(windows)?.name).toBe('Microsoft An - Vietnamese (Vietnam)');
  });

  it('takes a network voice when it is the only Vietnamese one', () => {
    expect(pickVietnameseVoice(windows.slice(0, 3))?.name).toBe('Google Tiếng Việt');
  });

  it('accepts Android and bare tags, in any case', () => {
    expect(isVietnameseVoice({ lang: 'vi_VN' })).toBe(true);
    expect(isVietnameseVoice({ lang: 'VI-vn' })).toBe(true);
    expect(isVietnameseVoice({ lang: 'vi' })).toBe(true);
    expect(pickVietnameseVoice([v('vi-vn-x-gft-local', 'vi_VN')])?.name).toBe('vi-vn-x-gft-local');
  });

  it('never falls back to another language', () => {
    expect(pickVietnameseVoice(windows.slice(0, 2))).toBeNull();
    expect(pickVietnameseVoice([])).toBeNull();
    // Tags that merely start with the letters v, i are other languages.
    expect(isVietnameseVoice({ lang: 'vai' })).toBe(false);
    expect(isVietnameseVoice({ lang: 'vec-IT' })).toBe(false);
  });

  it('among equals, takes the system default, then the list order', () => {
    const two = [v('A', 'vi-VN'), v('B', 'vi-VN', true, true)];
    expect(pickVietnameseVoice(two)?.name).toBe('B');
    expect(pickVietnameseVoice([v('A', 'vi-VN'), v('B', 'vi-VN')])?.name).toBe('A');
  });
});

describe('speech rate', () => {
  it('snaps to the offered steps', () => {
    expect(SPEECH_RATES[0]).toBe(0.75);
    expect(SPEECH_RATES.at(-1)).toBe(1.5);
    expect(snapRate(1.3)).toBe(1.25);
    expect(snapRate(9)).toBe(1.5);
    expect(snapRate(0.1)).toBe(0.75);
    expect(snapRate('fast')).toBe(DEFAULT_SPEECH_RATE);
    expect(snapRate(Number.NaN)).toBe(DEFAULT_SPEECH_RATE);
  });

  it('steps and stops at the ends', () => {
    expect(stepRate(1, 1)).toBe(1.25);
    expect(stepRate(1.5, 1)).toBe(1.5);
    expect(stepRate(0.75, -1)).toBe(0.75);
  });

  it('prints the Vietnamese decimal comma', () => {
    expect(formatRate(1.25, 'vi')).toBe('1,25×');
    expect(formatRate(0.75, 'en')).toBe('0.75×');
  });
});

describe('speechPrefs storage (v1)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to 1x and remembers a chosen rate', async () => {
    expect(await loadSpeechPrefs()).toEqual({ rate: 1 });
    await speechPrefsItem.setValue({ rate: 1.25 });
    expect(await loadSpeechPrefs()).toEqual({ rate: 1.25 });
    expect(await fakeBrowser.storage.local.get('speechPrefs')).toEqual({ speechPrefs: { rate: 1.25 } });
  });

  it('validates what it loads', async () => {
    await fakeBrowser.storage.local.set({ speechPrefs: { rate: 7 } });
    expect(await loadSpeechPrefs()).toEqual({ rate: 1.5 });
    expect(normalizeSpeechPrefs('junk')).toEqual({ rate: 1 });
    expect(normalizeSpeechPrefs({ rate: 'x' })).toEqual({ rate: 1 });
  });
});
