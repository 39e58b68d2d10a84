// @vitest-environment jsdom
/**
 * sanitize() is the only producer of SafeHtml. DOMPurify is only trustworthy
 * under jsdom (happy-dom lets <script> and on* through; linkedom makes it a
 * no-op), hence the environment pragma above. The hostile inputs include known
 * mutation-XSS shapes (namespace confusion, noscript/title/style re-parsing).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../utils/extract/sanitize';

const jsdomWin = new JSDOM('').window as unknown as Window;

/** Sanitize, then parse the result the way the reading view would render it. */
function render(html: string, win?: Window) {
  const out = sanitize(html, win);
  const doc = new DOMParser().parseFromString(`<body>${out}</body>`, 'text/html');
  return { out, doc };
}

const HOSTILE: ReadonlyArray<[name: string, html: string]> = [
  ['script', '<p>a</p><script>alert(1)</script>'],
  ['img onerror', '<img src="https://x/a.jpg" onerror="alert(1)">'],
  ['body onload', '<body onload="alert(1)"><p>x</p></body>'],
  ['javascript: href', '<a href="javascript:alert(1)">x</a>'],
  ['javascript: href, entity-obfuscated', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['javascript: href, upper case + spaces', '<a href="  JaVaScRiPt:alert(1)">x</a>'],
  ['data: href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data: img', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['javascript: img', '<img src="javascript:alert(1)">'],
  ['vbscript: href', '<a href="vbscript:msgbox(1)">x</a>'],
  ['iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['frame', '<frameset><frame src="javascript:alert(1)"></frameset>'],
  ['object / embed', '<object data="x.swf"></object><embed src="x.swf">'],
  [
    'form + inputs',
    '<form action="https://evil.example/"><input name="q" value="v"><button formaction="javascript:alert(1)">b</button><textarea>t</textarea><select><option>o</option></select></form>',
  ],
  ['style element', '<style>body{background:url(javascript:alert(1))}</style><p>x</p>'],
  ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
  ['svg with script', '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>'],
  ['svg animate href', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>'],
  ['math', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['base', '<base href="https://evil.example/"><a href="/x">x</a>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['mXSS: noscript re-parse', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['mXSS: svg/style namespace confusion', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
  ['mXSS: math/style namespace confusion', '<math><mi><style><img src=x onerror=alert(1)></style></mi></math>'],
  ['mXSS: form nesting', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
  ['mXSS: title in svg', '<svg><title><![CDATA[</title><img src=x onerror=alert(1)>]]></title></svg>'],
  ['template', '<template><img src=x onerror=alert(1)></template>'],
  ['xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['formaction', '<button formaction="javascript:alert(1)">x</button>'],
  ['srcset with javascript', '<img src="https://x/a.jpg" srcset="javascript:alert(1) 1x">'],
];

describe('sanitize: hostile input never survives', () => {
  it.each(HOSTILE)('%s', (_name, html) => {
    for (const win of [undefined, jsdomWin]) {
      const { out, doc } = render(html, win);
      expect(
        doc.querySelector(
          'script, style, iframe, frame, frameset, object, embed, form, input, button, textarea, select, svg, math, base, meta, link, template, noscript',
        ),
      ).toBeNull();
      for (const el of doc.body.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          expect(attr.name, out).not.toMatch(/^on|^style$|^srcdoc$|^formaction$|^xlink:href$|^srcset$/i);
          if (attr.name === 'href' || attr.name === 'src') expect(attr.value, out).toMatch(/^(?:https?:|mailto:)/i);
        }
      }
      expect(out).not.toMatch(/javascript:|vbscript:|data:text|onerror|onload|alert\(1\)\s*>/i);
    }
  });
});

describe('sanitize: article markup survives', () => {
  const article = `
    <h2>Tiêu đề phụ</h2>
    <p>Đoạn <strong>đậm</strong>, <em>nghiêng</em>, <b>b</b>, <i>i</i>, <u>u</u>, H<sub>2</sub>O, m<sup>2</sup>, <mark>đánh dấu</mark><br>dòng mới.</p>
    <figure><img src="https://cdn.example.vn/a.jpg" alt="Ảnh minh họa"><figcaption>Chú thích ảnh</figcaption></figure>
    <blockquote><p>Trích dẫn</p></blockquote>
    <ul><li>Một</li></ul><ol><li>Hai</li></ol>
    <table><thead><tr><th>Cột</th></tr></thead><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>
    <h3>h3</h3><h4>h4</h4><h5>h5</h5><h6>h6</h6><hr>
    <p><a href="https://vnexpress.net/bai-viet-123456.html">liên kết</a> <a href="mailto:toasoan@example.vn">thư</a></p>`;

  it('keeps the allowed elements and their text', () => {
    const { doc } = render(article, jsdomWin);
    for (const tag of [
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'p',
      'strong',
      'em',
      'b',
      'i',
      'u',
      'sub',
      'sup',
      'mark',
      'br',
      'figure',
      'img',
      'figcaption',
      'blockquote',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'hr',
      'a',
    ]) {
      expect(doc.querySelector(tag), tag).not.toBeNull();
    }
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('Ảnh minh họa');
    expect(doc.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(doc.body.textContent).toContain('Chú thích ảnh');
  });

  it('opens links in a new tab without referrer or opener', () => {
    const { doc } = render(article, jsdomWin);
    for (const a of doc.querySelectorAll('a')) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
  });

  it('keeps data-dg-* annotations, drops other data-*, class, id and style', () => {
    const { out } = render(
      '<p data-dg-item="1-3" data-dg-list="1" data-id="5" data-src="x" class="Normal" id="p1" style="color:red">Thứ ba, …</p>',
      jsdomWin,
    );
    expect(out).toBe('<p data-dg-item="1-3" data-dg-list="1">Thứ ba, …</p>');
  });

  it('refuses markup inside a data-dg-* value', () => {
    const { out } = render('<p data-dg-item="&quot;><img src=x onerror=alert(1)>">x</p>', jsdomWin);
    expect(out).toBe('<p>x</p>');
  });

  it('drops relative links and non-http images (the extractor resolves URLs first)', () => {
    const { doc } = render('<a href="/tin-khac.html">x</a><img src="/a.jpg"><img src="blob:https://x/1">', jsdomWin);
    expect(doc.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(doc.querySelector('img')).toBeNull();
  });

  it('flattens <picture> to its <img>', () => {
    const { out } = render(
      '<picture><source srcset="https://x/a.webp"><img src="https://x/a.jpg" alt="a"></picture>',
      jsdomWin,
    );
    expect(out).toBe('<img src="https://x/a.jpg" alt="a">');
  });
});
