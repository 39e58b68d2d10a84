// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { findActionItems, findAnnouncedCount, matchMarker } from '../../utils/action-items';
import { parseViNumber, parseViOrdinal } from '../../utils/text/vi-numbers';
import type { ActionItemList } from '../../utils/types';

const FIXTURES = path.join(process.cwd(), 'tests', 'fixtures');
const CORPUS = path.join(FIXTURES, 'corpus');
const BAOCHINHPHU = 'baochinhphu.vn--chinh-sach-moi-co-hieu-luc-tu-thang-3-2026';

interface GoldItem {
  n: number;
  marker: string;
  text: string;
}
interface GoldList {
  announcedCount: number | null;
  items: GoldItem[];
}
interface Gold {
  actionItems: GoldList | { lists: GoldList[] } | null;
}

/** A detached body element in its own document, like the extractor hands over. */
function bodyOf(html: string): Element {
  const doc = document.implementation.createHTMLDocument('');
  const root = doc.createElement('div');
  root.innerHTML = html;
  return root;
}

/**
 * Readability picks the footer on this photo story (corpus README), so its body container is taken directly.
 */
const BODY_SELECTOR_OVERRIDES: Readonly<Record<string, string>> = {
  'tienphong.vn--sieu-mau-noi-y-bi-mang-khap-mang-xa-hoi.html': '.article__body',
};

/** The article body of a saved page, as Readability extracts it. Styles are dropped: jsdom only warns on them. */
function articleBodyOf(file: string): Element {
  const html = fs.readFileSync(file, 'utf8').replace(/<style[\s\S]*?<\/style>/gi, '');
  const page = new DOMParser().parseFromString(html, 'text/html');
  const selector = BODY_SELECTOR_OVERRIDES[path.basename(file)];
  if (selector) return bodyOf(page.querySelector(selector)?.innerHTML ?? '');
  const article = new Readability(page).parse();
  return bodyOf(article?.content ?? '');
}

function readGold(file: string): Gold {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Gold;
}

function goldLists(gold: Gold): GoldList[] {
  const ai = gold.actionItems;
  if (ai === null) return [];
  return 'lists' in ai ? ai.lists : [ai];
}

/** Builds the expected lists from [marker, text] pairs; n must come out as 1, 2, 3 … */
function lists(...specs: [announced: number | null, items: [marker: string, text: string][]][]): ActionItemList[] {
  return specs.map(([announcedCount, items]) => ({
    announcedCount,
    items: items.map(([marker, text], i) => ({ n: i + 1, marker, text })),
  }));
}

/**
 * The lists without the fields added in the second version (title, subItems): these cases pin n, marker and text.
 * Titles and sub-items are pinned by the labelled set (action-items-labelled.test.ts).
 */
function core(result: ActionItemList[]): ActionItemList[] {
  return result.map((l) => ({
    announcedCount: l.announcedCount,
    items: l.items.map(({ n, marker, text }) => ({ n, marker, text })),
  }));
}

describe('seed article (baoquocte.vn)', () => {
  const root = articleBodyOf(path.join(FIXTURES, 'seed-article.html'));
  const gold = readGold(path.join(FIXTURES, 'seed-article.gold.json'));
  const result = findActionItems(root);
  const [list] = result;

  it('finds exactly one list of seven ordinals announced as "bảy trọng tâm công tác"', () => {
    expect(result).toHaveLength(1);
    expect(list?.announcedCount).toBe(7);
    expect(list?.items.map((i) => i.marker)).toEqual([
      'Thứ nhất',
      'Thứ hai',
      'Thứ ba',
      'Thứ tư',
      'Thứ năm',
      'Thứ sáu',
      'Thứ bảy',
    ]);
    expect(list?.items.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('item texts start after the marker and its comma and hold the whole paragraph', () => {
    expect(list?.items[0]?.text.startsWith('tiếp tục rà soát')).toBe(true);
    expect(list?.items[4]?.text.endsWith('gắn bó người lao động với doanh nghiệp')).toBe(true);
    // The gold text includes the marker: ours is exactly the gold text minus "<marker>, ".
    const expected = goldLists(gold)[0]?.items.map((g) => g.text.slice(`${g.marker}, `.length));
    expect(expected).toHaveLength(7);
    expect(list?.items.map((i) => i.text)).toEqual(expected);
  });

  it('annotates the seven paragraphs and wraps each marker', () => {
    const annotated = Array.from(root.querySelectorAll('[data-dg-item]'));
    expect(annotated.map((el) => el.getAttribute('data-dg-item'))).toEqual([
      '1-1',
      '1-2',
      '1-3',
      '1-4',
      '1-5',
      '1-6',
      '1-7',
    ]);
    expect(annotated.every((el) => el.tagName === 'P')).toBe(true);
    expect(Array.from(root.querySelectorAll('mark.dg-marker')).map((m) => m.textContent)).toEqual(
      list?.items.map((i) => i.marker),
    );
    expect(annotated[0]?.textContent?.startsWith('Thứ nhất, tiếp tục rà soát')).toBe(true);
  });
});

describe('corpus pages without action items', () => {
  const pages = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .filter((base) => readGold(path.join(CORPUS, `${base}.gold.json`)).actionItems === null);

  it('has the ten negative pages of the corpus', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pages)('%s: no lists in the article body', (base) => {
    const root = articleBodyOf(path.join(CORPUS, `${base}.html`));
    // Guard against a vacuous pass on an empty extraction.
    expect((root.textContent ?? '').length).toBeGreaterThan(1000);
    expect(findActionItems(root)).toEqual([]);
    expect(root.querySelector('[data-dg-item], mark.dg-marker')).toBeNull();
  });
});

/** Gold texts start with the marker ("a) Ủy ban …", "- Khai thác …"); ours start after it (an inline "(1)": after it too). */
function goldText(g: GoldItem): string {
  const at = g.text.indexOf(`${g.marker} `);
  return at >= 0 ? g.text.slice(at + g.marker.length + 1) : g.text;
}

describe(BAOCHINHPHU, () => {
  const root = articleBodyOf(path.join(CORPUS, `${BAOCHINHPHU}.html`));
  const gold = goldLists(readGold(path.join(CORPUS, `${BAOCHINHPHU}.gold.json`)));
  const result = findActionItems(root);

  // Changed in the second version: dashed lists after a colon intro and lettered lists outside any numbered item
  // are lists now, so all six gold lists are found (the first version found only "(1) (2)").
  it('finds the six gold lists: dashed, lettered a)–đ)–e) and "(1) (2)", with the counts of their h2s', () => {
    expect(gold.map((l) => l.items.map((i) => i.marker).join(' '))).toEqual([
      '- - -',
      'a) b) c) d)',
      'a) b) c) d) đ) e)',
      'a) b)',
      '- - -',
      '(1) (2)',
    ]);
    expect(core(result)).toEqual(
      gold.map((l) => ({
        announcedCount: l.announcedCount,
        items: l.items.map((g) => ({ n: g.n, marker: g.marker, text: goldText(g) })),
      })),
    );
  });

  it('the dashed points under "(1)" and "(2)" are their sub-items, not a list', () => {
    const parens = result[5];
    expect(parens?.items.map((i) => i.subItems?.length)).toEqual([4, 3]);
    expect(parens?.items[1]?.subItems?.[0]).toEqual({
      marker: '-',
      text: 'Người thuộc hộ nghèo theo quy định của pháp luật về chuẩn nghèo.',
    });
  });

  it('the lone "1. Bộ Ngoại giao …" is not a list and is not annotated', () => {
    const lone = Array.from(root.querySelectorAll('p')).find((p) => p.textContent?.startsWith('1. Bộ Ngoại giao'));
    expect(lone).toBeDefined();
    expect(lone?.hasAttribute('data-dg-item')).toBe(false);
    expect(root.querySelectorAll('[data-dg-item]')).toHaveLength(gold.reduce((n, l) => n + l.items.length, 0));
  });
});

const INTRO =
  '<p>Chiều 15/1, UBND thành phố tổ chức hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026.</p>';
const OUTRO =
  '<p>Kết luận hội nghị, Chủ tịch UBND thành phố yêu cầu các sở, ngành khẩn trương cụ thể hóa bằng kế hoạch.</p>';

const nfdHtml = `${INTRO}<p>Để hoàn thành mục tiêu, ngành giáo dục cần thực hiện tốt hai nhiệm vụ.</p>
<p>Thứ nhất, rà soát mạng lưới trường lớp, bảo đảm đủ chỗ học cho học sinh.</p>
<p>Thứ hai, nâng cao chất lượng đội ngũ nhà giáo, nhất là giáo viên tiếng Anh, tin học.</p>`.normalize('NFD');

const CASES: { name: string; html: string; expected: ActionItemList[] }[] = [
  {
    name: 'ordinals with commas, announced in words ("ba nhiệm vụ trọng tâm")',
    html: `${INTRO}<p>Phát biểu chỉ đạo, Chủ tịch UBND thành phố đề nghị các đơn vị tập trung ba nhiệm vụ trọng tâm.</p>
<p>Thứ nhất, đẩy nhanh tiến độ giải ngân vốn đầu tư công ngay từ những tháng đầu năm.</p>
<p>Thứ hai, tháo gỡ khó khăn cho doanh nghiệp, nhất là về thủ tục đất đai. Kiên quyết xử lý cán bộ né tránh, đùn đẩy.</p>
<p>Thứ ba, bảo đảm an sinh xã hội, chăm lo Tết cho người nghèo.</p>${OUTRO}`,
    expected: lists([
      3,
      [
        ['Thứ nhất', 'đẩy nhanh tiến độ giải ngân vốn đầu tư công ngay từ những tháng đầu năm.'],
        [
          'Thứ hai',
          'tháo gỡ khó khăn cho doanh nghiệp, nhất là về thủ tục đất đai. Kiên quyết xử lý cán bộ né tránh, đùn đẩy.',
        ],
        ['Thứ ba', 'bảo đảm an sinh xã hội, chăm lo Tết cho người nghèo.'],
      ],
    ]),
  },
  {
    name: 'ordinals with colons, nothing announced',
    html: `${INTRO}<p>Thứ nhất: tăng cường kiểm tra an toàn thực phẩm dịp Tết.</p>
<p>Thứ hai: xử lý nghiêm cơ sở vi phạm, công khai trên phương tiện thông tin đại chúng.</p>${OUTRO}`,
    expected: lists([
      null,
      [
        ['Thứ nhất', 'tăng cường kiểm tra an toàn thực phẩm dịp Tết.'],
        ['Thứ hai', 'xử lý nghiêm cơ sở vi phạm, công khai trên phương tiện thông tin đại chúng.'],
      ],
    ]),
  },
  {
    name: 'ordinals followed by "là"',
    html: `<p>Theo chuyên gia, có ba nguyên nhân khiến giá nhà tăng mạnh.</p>
<p>Thứ nhất là nguồn cung nhà ở thương mại giá vừa túi tiền khan hiếm.</p>
<p>Thứ hai là chi phí đầu vào như đất đai, vật liệu xây dựng tăng.</p>
<p>Thứ ba là tâm lý đầu cơ, lướt sóng vẫn còn phổ biến.</p>`,
    expected: lists([
      null, // "nguyên nhân" is not one of the announcing nouns
      [
        ['Thứ nhất', 'nguồn cung nhà ở thương mại giá vừa túi tiền khan hiếm.'],
        ['Thứ hai', 'chi phí đầu vào như đất đai, vật liệu xây dựng tăng.'],
        ['Thứ ba', 'tâm lý đầu cơ, lướt sóng vẫn còn phổ biến.'],
      ],
    ]),
  },
  {
    name: 'bold markers (punctuation inside or outside the bold)',
    html: `<p>Bộ Y tế khuyến cáo người dân thực hiện 2 biện pháp phòng bệnh sởi:</p>
<p><strong>Thứ nhất,</strong> đưa trẻ đi tiêm vắc xin đầy đủ, đúng lịch.</p>
<p><b>Thứ hai</b>, khi trẻ sốt, phát ban cần đưa đến cơ sở y tế gần nhất.</p>`,
    expected: lists([
      2,
      [
        ['Thứ nhất', 'đưa trẻ đi tiêm vắc xin đầy đủ, đúng lịch.'],
        ['Thứ hai', 'khi trẻ sốt, phát ban cần đưa đến cơ sở y tế gần nhất.'],
      ],
    ]),
  },
  {
    name: 'UPPER CASE ordinals keep their case in the marker',
    html: `<p>THỨ NHẤT, HOÀN THIỆN THỂ CHẾ VỀ KINH TẾ SỐ</p><p>Nội dung chi tiết của giải pháp thứ nhất.</p>
<p>THỨ HAI, PHÁT TRIỂN HẠ TẦNG SỐ ĐỒNG BỘ</p><p>Nội dung chi tiết của giải pháp thứ hai.</p>`,
    expected: lists([
      null,
      [
        ['THỨ NHẤT', 'HOÀN THIỆN THỂ CHẾ VỀ KINH TẾ SỐ'],
        ['THỨ HAI', 'PHÁT TRIỂN HẠ TẦNG SỐ ĐỒNG BỘ'],
      ],
    ]),
  },
  {
    name: 'leading dash and bullet before ordinals',
    html: `<p>- Thứ nhất, siết chặt kỷ luật, kỷ cương hành chính.</p>
<p>– Thứ hai: đẩy mạnh chuyển đổi số trong giải quyết thủ tục.</p>
<p>• Thứ ba, tăng cường đối thoại với người dân.</p>`,
    expected: lists([
      null,
      [
        ['Thứ nhất', 'siết chặt kỷ luật, kỷ cương hành chính.'],
        ['Thứ hai', 'đẩy mạnh chuyển đổi số trong giải quyết thủ tục.'],
        ['Thứ ba', 'tăng cường đối thoại với người dân.'],
      ],
    ]),
  },
  {
    name: 'eleven ordinals with "bẩy" and "mười một", announced "mười một giải pháp"',
    html: `<p>Nghị quyết nêu mười một giải pháp chủ yếu như sau.</p>
${['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bẩy', 'tám', 'chín', 'mười', 'mười một']
  .map((w, i) => `<p>Thứ ${w}, giải pháp số ${i + 1} của nghị quyết.</p>`)
  .join('\n')}`,
    expected: lists([
      11,
      ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bẩy', 'tám', 'chín', 'mười', 'mười một'].map((w, i) => [
        `Thứ ${w}`,
        `giải pháp số ${i + 1} của nghị quyết.`,
      ]),
    ]),
  },
  {
    name: 'NFD input gives NFC markers and texts',
    html: nfdHtml,
    expected: lists([
      2,
      [
        ['Thứ nhất', 'rà soát mạng lưới trường lớp, bảo đảm đủ chỗ học cho học sinh.'],
        ['Thứ hai', 'nâng cao chất lượng đội ngũ nhà giáo, nhất là giáo viên tiếng Anh, tin học.'],
      ],
    ]),
  },
  {
    name: '"Một là / Hai là / Ba là" announced "ba yêu cầu"',
    html: `<p>Tổng Bí thư nhấn mạnh ba yêu cầu đối với đội ngũ cán bộ.</p>
<p>Một là phải gương mẫu, nói đi đôi với làm.</p>
<p>Hai là phải gần dân, lắng nghe ý kiến nhân dân.</p>
<p>Ba là phải dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.</p>`,
    expected: lists([
      3,
      [
        ['Một là', 'phải gương mẫu, nói đi đôi với làm.'],
        ['Hai là', 'phải gần dân, lắng nghe ý kiến nhân dân.'],
        ['Ba là', 'phải dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.'],
      ],
    ]),
  },
  {
    name: '"Một là," with a comma after "là"',
    html: `<p>Một là, hoàn thiện hành lang pháp lý cho tài sản số.</p><p>Hai là, xây dựng cơ sở dữ liệu quốc gia về dân cư.</p>`,
    expected: lists([
      null,
      [
        ['Một là', 'hoàn thiện hành lang pháp lý cho tài sản số.'],
        ['Hai là', 'xây dựng cơ sở dữ liệu quốc gia về dân cư.'],
      ],
    ]),
  },
  {
    name: 'a lone "Một là" without "Hai là" is not a list',
    html: `<p>Giá rau tăng mạnh do nhiều nguyên nhân.</p><p>Một là mưa lớn kéo dài làm hư hại nhiều diện tích rau màu ở ngoại thành.</p>
<p>Bên cạnh đó, chi phí vận chuyển cũng tăng theo giá xăng dầu.</p>`,
    expected: [],
  },
  {
    name: '"1. 2. 3." paragraphs announced in digits ("3 giải pháp")',
    html: `<p>Ngân hàng Nhà nước đưa ra 3 giải pháp ổn định thị trường vàng:</p>
<p>1. Tăng cung vàng miếng thông qua đấu thầu.</p>
<p>2. Thanh tra các doanh nghiệp kinh doanh vàng.</p>
<p>3. Phối hợp với công an xử lý hành vi buôn lậu vàng qua biên giới.</p>`,
    expected: lists([
      3,
      [
        ['1', 'Tăng cung vàng miếng thông qua đấu thầu.'],
        ['2', 'Thanh tra các doanh nghiệp kinh doanh vàng.'],
        ['3', 'Phối hợp với công an xử lý hành vi buôn lậu vàng qua biên giới.'],
      ],
    ]),
  },
  {
    name: '"1) 2)" markers',
    html: `<p>1) Người lao động được nghỉ Tết Nguyên đán 5 ngày.</p><p>2) Doanh nghiệp phải thông báo phương án nghỉ Tết trước 30 ngày.</p>`,
    expected: lists([
      null,
      [
        ['1', 'Người lao động được nghỉ Tết Nguyên đán 5 ngày.'],
        ['2', 'Doanh nghiệp phải thông báo phương án nghỉ Tết trước 30 ngày.'],
      ],
    ]),
  },
  {
    name: '"1/ 2/" markers',
    html: `<p>1/ Rà soát toàn bộ hồ sơ tồn đọng.</p><p>2/ Báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 20/2.</p>`,
    expected: lists([
      null,
      [
        ['1', 'Rà soát toàn bộ hồ sơ tồn đọng.'],
        ['2', 'Báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 20/2.'],
      ],
    ]),
  },
  {
    name: '"(1) (2) (3)" markers keep their parentheses',
    html: `<p>(1) Xe ô tô phải lắp thiết bị giám sát hành trình.</p><p>(2) Tài xế không được lái xe quá 10 giờ mỗi ngày.</p>
<p>(3) Doanh nghiệp vận tải lưu trữ dữ liệu ít nhất 1 năm.</p>`,
    expected: lists([
      null,
      [
        ['(1)', 'Xe ô tô phải lắp thiết bị giám sát hành trình.'],
        ['(2)', 'Tài xế không được lái xe quá 10 giờ mỗi ngày.'],
        ['(3)', 'Doanh nghiệp vận tải lưu trữ dữ liệu ít nhất 1 năm.'],
      ],
    ]),
  },
  {
    name: 'inline "(1)" after a colon, count announced in the same paragraph ("2 trường hợp")',
    html: `<p>Thông tư quy định 2 trường hợp được miễn phí gồm: (1) Người thuộc hộ nghèo theo chuẩn nghèo quốc gia;</p>
<p>(2) Người có công với cách mạng.</p>`,
    expected: lists([
      2,
      [
        ['(1)', 'Người thuộc hộ nghèo theo chuẩn nghèo quốc gia;'],
        ['(2)', 'Người có công với cách mạng.'],
      ],
    ]),
  },
  {
    name: '"1.000 tỷ" and "2/3 số" at paragraph start are amounts, not markers',
    html: `<p>1.000 tỷ đồng được giải ngân trong tháng 1.</p><p>2/3 số doanh nghiệp được khảo sát cho biết đơn hàng tăng.</p>
<p>3.500 lao động đã có việc làm sau Tết.</p>`,
    expected: [],
  },
  {
    name: '<ol> list, n and marker from position, announced "3 bước"',
    html: `<p>Người dân có thể đổi giấy phép lái xe trực tuyến theo 3 bước sau:</p>
<ol><li>Đăng nhập Cổng dịch vụ công quốc gia.</li><li>Chọn thủ tục <em>đổi giấy phép lái xe</em> và khai thông tin.</li><li>Thanh toán lệ phí trực tuyến.</li></ol>`,
    expected: lists([
      3,
      [
        ['1', 'Đăng nhập Cổng dịch vụ công quốc gia.'],
        ['2', 'Chọn thủ tục đổi giấy phép lái xe và khai thông tin.'],
        ['3', 'Thanh toán lệ phí trực tuyến.'],
      ],
    ]),
  },
  {
    name: '<ol> with one <li> is not a list',
    html: `<p>Lưu ý:</p><ol><li>Hồ sơ nộp trực tuyến không cần bản giấy.</li></ol>`,
    expected: [],
  },
  {
    name: '<ol start="3"> continues a list and cannot start one',
    html: `<ol start="3"><li>Nộp hồ sơ tại bộ phận một cửa.</li><li>Nhận kết quả sau 5 ngày làm việc.</li></ol>`,
    expected: [],
  },
  {
    name: 'ordinals inside a <ul> are found on the <li> blocks',
    html: `<ul><li>Thứ nhất, giữ ổn định kinh tế vĩ mô.</li><li>Thứ hai, thúc đẩy tăng trưởng xanh.</li></ul>`,
    expected: lists([
      null,
      [
        ['Thứ nhất', 'giữ ổn định kinh tế vĩ mô.'],
        ['Thứ hai', 'thúc đẩy tăng trưởng xanh.'],
      ],
    ]),
  },
  {
    name: 'weekday date lines are not ordinals',
    html: `<p>Thứ năm, 17/9/2026, 07:31 (GMT+7)</p><p>Thứ Hai, 12/1, Sở Giao thông vận tải tổ chức phân luồng.</p>
<p>Thứ ba, ngày 13/1, lượng xe qua cửa ngõ phía Nam tăng mạnh.</p>`,
    expected: [],
  },
  {
    name: 'a weekday date after "Thứ nhất" does not continue it',
    html: `<p>Thứ nhất, các trường mầm non được nghỉ học.</p><p>Thứ hai, 12/1, học sinh tiểu học đi học trở lại.</p>`,
    expected: [],
  },
  {
    name: '"Thứ hai tuần trước" (weekday in prose, no punctuation) does not continue a "Thứ nhất"',
    html: `<p>Thứ nhất, phải nói rằng mùa giải này đội bóng đã chơi rất ổn định.</p>
<p>Thứ hai tuần trước, huấn luyện viên trưởng công bố danh sách triệu tập.</p>
<p>Thứ ba tuần này, đội sẽ hội quân tại Trung tâm đào tạo bóng đá trẻ.</p>`,
    expected: [],
  },
  {
    name: '"Năm 2024" and "Năm là" in prose are not markers',
    html: `<p>Năm 2024, doanh thu du lịch đạt hơn 840.000 tỷ đồng.</p><p>Năm 2025 được dự báo tiếp tục tăng trưởng.</p>
<p>Năm là con số các năm liên tiếp ngành du lịch vượt kế hoạch.</p>`,
    expected: [],
  },
  {
    name: 'scores "1-0" and "2-1" are not markers',
    html: `<p>1-0 là tỷ số sau hiệp một nghiêng về đội chủ nhà.</p><p>2-1 là kết quả chung cuộc sau 90 phút.</p>`,
    expected: [],
  },
  {
    name: 'numbering that does not start at 1',
    html: `<p>2. Bổ sung khoản 3 Điều 10 như sau.</p><p>3. Sửa đổi Điều 12 về thời hạn giải quyết.</p><p>4. Bãi bỏ Điều 15.</p>`,
    expected: [],
  },
  {
    name: 'numbering that skips from 1 to 3',
    html: `<p>1. Sửa đổi khoản 1 Điều 5.</p><p>3. Bổ sung Điều 7a.</p><p>4. Bãi bỏ Điều 9.</p>`,
    expected: [],
  },
  {
    name: 'a jump (1, 2, 4) ends the list at 2',
    html: `<p>1. Sửa đổi khoản 1 Điều 5.</p><p>2. Bổ sung Điều 7a.</p><p>4. Bãi bỏ Điều 9.</p>`,
    expected: lists([
      null,
      [
        ['1', 'Sửa đổi khoản 1 Điều 5.'],
        ['2', 'Bổ sung Điều 7a.'],
      ],
    ]),
  },
  {
    name: 'a few supporting paragraphs between items are allowed',
    html: `<p>Thứ nhất, phát triển nguồn nhân lực chất lượng cao.</p><p>Hiện cả nước mới có khoảng 27% lao động qua đào tạo có bằng cấp.</p>
<p>Các doanh nghiệp FDI phản ánh khó tuyển kỹ sư.</p><h3>Ý kiến chuyên gia</h3>
<p>Thứ hai, hoàn thiện hạ tầng giao thông kết nối vùng.</p>`,
    expected: lists([
      null,
      [
        ['Thứ nhất', 'phát triển nguồn nhân lực chất lượng cao.'],
        ['Thứ hai', 'hoàn thiện hạ tầng giao thông kết nối vùng.'],
      ],
    ]),
  },
  {
    name: 'too many paragraphs between "1." and "2." break the list',
    html: `<p>1. Tăng lương cơ sở từ ngày 1/7.</p>${'<p>Đây là lần điều chỉnh được nhiều người lao động chờ đợi.</p>'.repeat(6)}
<p>2. Điều chỉnh lương hưu, trợ cấp bảo hiểm xã hội.</p>`,
    expected: [],
  },
  {
    name: 'a restart at 1 starts a new list',
    html: `<h2>Đối với người mua nhà</h2><p>1. Kiểm tra pháp lý dự án.</p><p>2. Đọc kỹ hợp đồng mua bán.</p>
<h2>Đối với chủ đầu tư</h2><p>1. Công khai thông tin dự án.</p><p>2. Bàn giao nhà đúng tiến độ.</p><p>3. Làm sổ hồng cho người mua.</p>`,
    expected: lists(
      [
        null,
        [
          ['1', 'Kiểm tra pháp lý dự án.'],
          ['2', 'Đọc kỹ hợp đồng mua bán.'],
        ],
      ],
      [
        null,
        [
          ['1', 'Công khai thông tin dự án.'],
          ['2', 'Bàn giao nhà đúng tiến độ.'],
          ['3', 'Làm sổ hồng cho người mua.'],
        ],
      ],
    ),
  },
  {
    name: 'two lists of different kinds, each with its own announced count',
    html: `<p>Thủ tướng yêu cầu thực hiện hai nhóm giải pháp.</p><p>Thứ nhất, ổn định kinh tế vĩ mô, kiểm soát lạm phát.</p>
<p>Thứ hai, thúc đẩy các động lực tăng trưởng.</p><p>Về phía địa phương, tỉnh kiến nghị Chính phủ.</p>
<p>Tỉnh đề xuất ba kiến nghị với Trung ương.</p><p>Một là, bố trí vốn cho cao tốc.</p><p>Hai là, phân cấp thêm cho địa phương.</p>
<p>Ba là, hỗ trợ kinh phí khắc phục hậu quả bão lũ.</p>`,
    expected: lists(
      [
        2,
        [
          ['Thứ nhất', 'ổn định kinh tế vĩ mô, kiểm soát lạm phát.'],
          ['Thứ hai', 'thúc đẩy các động lực tăng trưởng.'],
        ],
      ],
      [
        3,
        [
          ['Một là', 'bố trí vốn cho cao tốc.'],
          ['Hai là', 'phân cấp thêm cho địa phương.'],
          ['Ba là', 'hỗ trợ kinh phí khắc phục hậu quả bão lũ.'],
        ],
      ],
    ),
  },
  {
    name: 'numbered sub-steps inside an ordinal item make their own list and do not break the outer one',
    html: `<p>Thứ nhất, cải cách thủ tục đăng ký doanh nghiệp theo các bước:</p>
${[1, 2, 3, 4, 5, 6].map((i) => `<p>${i}. Bước thực hiện thứ ${i}.</p>`).join('')}
<p>Thứ hai, giảm chi phí tuân thủ cho doanh nghiệp nhỏ.</p>`,
    expected: lists(
      [
        null,
        [
          ['Thứ nhất', 'cải cách thủ tục đăng ký doanh nghiệp theo các bước:'],
          ['Thứ hai', 'giảm chi phí tuân thủ cho doanh nghiệp nhỏ.'],
        ],
      ],
      [null, [1, 2, 3, 4, 5, 6].map((i) => [String(i), `Bước thực hiện thứ ${i}.`])],
    ),
  },
  {
    name: '"1." and "1)" are different kinds and never chain',
    html: `<p>1. Giảm thuế giá trị gia tăng xuống 8%.</p><p>2) Gia hạn nộp thuế thu nhập doanh nghiệp.</p>`,
    expected: [],
  },
  {
    name: 'count announced two blocks back, in a heading ("Năm giải pháp")',
    html: `<h2>Năm giải pháp giảm ùn tắc giao thông</h2><p>Sở Giao thông vận tải vừa trình UBND thành phố đề án.</p>
${['nhất', 'hai', 'ba', 'tư', 'năm'].map((w) => `<p>Thứ ${w}, nội dung giải pháp thứ ${w}.</p>`).join('')}`,
    expected: lists([5, ['nhất', 'hai', 'ba', 'tư', 'năm'].map((w) => [`Thứ ${w}`, `nội dung giải pháp thứ ${w}.`])]),
  },
  {
    name: 'a count three blocks back is too far',
    html: `<p>Bộ đề ra 4 mục tiêu cho năm 2026.</p><p>Về tài chính, ngân sách được cân đối.</p><p>Về nhân sự, tinh gọn bộ máy.</p>
<p>1. Tăng cường phối hợp liên ngành.</p><p>2. Kiểm tra, giám sát thường xuyên.</p>`,
    expected: lists([
      null,
      [
        ['1', 'Tăng cường phối hợp liên ngành.'],
        ['2', 'Kiểm tra, giám sát thường xuyên.'],
      ],
    ]),
  },
  {
    name: 'announced "hai mươi" and "điểm phần trăm" is not a count',
    html: `<p>Hội nghị thông qua hai mươi nội dung, lạm phát giảm 2 điểm phần trăm.</p>
<p>Thứ nhất, tiếp tục giảm lãi suất cho vay.</p><p>Thứ hai, mở rộng tín dụng tiêu dùng.</p>`,
    expected: lists([
      20,
      [
        ['Thứ nhất', 'tiếp tục giảm lãi suất cho vay.'],
        ['Thứ hai', 'mở rộng tín dụng tiêu dùng.'],
      ],
    ]),
  },
  {
    name: 'ordinal item may open with "2-3" (not a date); <br> inside an item becomes a space',
    html: `<p>Thứ nhất, thành lập mới 2 KCN.<br>Ưu tiên khu vực phía Bắc.</p><p>Thứ hai, 2-3 KCN hiện có được mở rộng.</p>`,
    expected: lists([
      null,
      [
        ['Thứ nhất', 'thành lập mới 2 KCN. Ưu tiên khu vực phía Bắc.'],
        ['Thứ hai', '2-3 KCN hiện có được mở rộng.'],
      ],
    ]),
  },
  {
    // Changed in the second version: after a colon intro, dashed points are a list; "a) b)" outside any item too.
    name: 'dash lists after a colon intro and lettered lists outside any item are lists',
    html: `<p>Nghị định quy định các hình thức khai thác thông tin:</p><p>- Khai thác trực tiếp qua Cổng thông tin;</p>
<p>- Khai thác qua kết nối, chia sẻ dữ liệu;</p><p>a) Ủy ban nhân dân tỉnh cho ý kiến;</p><p>b) Bộ Công an cho ý kiến.</p>`,
    expected: lists(
      [
        null,
        [
          ['-', 'Khai thác trực tiếp qua Cổng thông tin;'],
          ['-', 'Khai thác qua kết nối, chia sẻ dữ liệu;'],
        ],
      ],
      [
        null,
        [
          ['a)', 'Ủy ban nhân dân tỉnh cho ý kiến;'],
          ['b)', 'Bộ Công an cho ý kiến.'],
        ],
      ],
    ),
  },
  {
    name: '"lần thứ hai bước lên" is an ordinal, not an announced "hai bước"',
    html: `<p>Đội tuyển lần thứ hai bước lên ngôi vô địch.</p><p>1. Thủ môn xuất sắc nhất giải.</p><p>2. Vua phá lưới.</p>`,
    expected: lists([
      null,
      [
        ['1', 'Thủ môn xuất sắc nhất giải.'],
        ['2', 'Vua phá lưới.'],
      ],
    ]),
  },
];

describe('findActionItems: small realistic cases', () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name', ({ html, expected }) => {
    const root = bodyOf(html);
    const result = core(findActionItems(root));
    expect(result).toEqual(expected);
    // Every returned item is annotated once, in list order; nothing else is.
    const want = expected.flatMap((l, li) => l.items.map((i) => `${li + 1}-${i.n}`)).sort();
    const got = Array.from(root.querySelectorAll('[data-dg-item]'), (el) => el.getAttribute('data-dg-item')).sort();
    expect(got).toEqual(want);
  });
});

describe('annotation', () => {
  it('wraps the marker inside bold markup and keeps the text unchanged', () => {
    const root = bodyOf('<p><strong>Thứ nhất,</strong> đưa trẻ đi tiêm.</p><p><b>Thứ hai</b>, theo dõi sức khỏe.</p>');
    const before = root.textContent;
    findActionItems(root);
    expect(root.textContent).toBe(before);
    expect(root.innerHTML).toBe(
      '<p data-dg-item="1-1"><strong><mark class="dg-marker">Thứ nhất</mark>,</strong> đưa trẻ đi tiêm.</p>' +
        '<p data-dg-item="1-2"><b><mark class="dg-marker">Thứ hai</mark></b>, theo dõi sức khỏe.</p>',
    );
  });

  it('skips the <mark> when the marker is split across elements, but still annotates the block', () => {
    const root = bodyOf('<p><b>Thứ</b> nhất, rà soát.</p><p>Thứ hai, báo cáo.</p>');
    findActionItems(root);
    expect(root.querySelector('p')?.outerHTML).toBe('<p data-dg-item="1-1"><b>Thứ</b> nhất, rà soát.</p>');
    expect(root.querySelectorAll('mark.dg-marker')).toHaveLength(1);
  });

  it('wraps after a bullet, in NFD text (as NFC), and an inline "(1)"', () => {
    const root = bodyOf(
      `<p>- Thứ nhất, siết kỷ luật.</p><p>Thứ hai, cải cách.</p>`.normalize('NFD') +
        '<p>Miễn phí gồm: (1) Người nghèo;</p><p>(2) Người có công.</p>',
    );
    findActionItems(root);
    expect(Array.from(root.querySelectorAll('mark.dg-marker'), (m) => m.textContent)).toEqual([
      'Thứ nhất',
      'Thứ hai',
      '(1)',
      '(2)',
    ]);
    expect(root.querySelector('p')?.innerHTML).toBe('- <mark class="dg-marker">Thứ nhất</mark>, siết kỷ luật.');
    expect(root.querySelectorAll('p')[2]?.innerHTML).toBe(
      'Miễn phí gồm: <mark class="dg-marker">(1)</mark> Người nghèo;',
    );
  });

  it('puts no <mark> into <ol> items and numbers two lists 1-… and 2-…', () => {
    const root = bodyOf(
      '<ol><li>Đăng nhập.</li><li>Khai báo.</li></ol><p>Thứ nhất, rà soát.</p><p>Thứ hai, báo cáo.</p>',
    );
    findActionItems(root);
    expect(Array.from(root.querySelectorAll('[data-dg-item]'), (el) => el.getAttribute('data-dg-item'))).toEqual([
      '1-1',
      '1-2',
      '2-1',
      '2-2',
    ]);
    expect(root.querySelector('ol mark')).toBeNull();
  });

  it('is idempotent: a second call gives the same lists, one <mark> per item, and drops stale attributes', () => {
    const root = bodyOf('<p data-dg-item="9-9">Mở đầu.</p><p>Thứ nhất, rà soát.</p><p>Thứ hai, báo cáo.</p>');
    const first = findActionItems(root);
    const html = root.innerHTML;
    expect(findActionItems(root)).toEqual(first);
    expect(root.innerHTML).toBe(html);
    expect(root.querySelectorAll('mark.dg-marker')).toHaveLength(2);
    expect(root.querySelector('[data-dg-item="9-9"]')).toBeNull();
  });
});

describe('matchMarker', () => {
  it.each([
    ['Thứ năm, 17/9/2026, 07:31 (GMT+7)', null],
    ['Thứ Hai, 12/1', null],
    ['Thứ bảy, 7h30 sáng nay, đoàn đến Hà Giang.', null],
    ['Thứ sáu, ngày 3/5, trời mưa.', null],
    ['Thứ hai tuần trước, UBND họp.', null],
    ['Thứ nhất:', null],
    ['Hai làm việc với Bộ.', null],
    ['1.000 tỷ đồng', null],
    ['2/3 số doanh nghiệp', null],
    ['Thứ tư – Tăng cường kiểm tra', ['ordinal', 4, 'Thứ tư', 'Tăng cường kiểm tra']],
    ['Thứ hai mươi mốt, nội dung.', ['ordinal', 21, 'Thứ hai mươi mốt', 'nội dung.']],
    ['Mười một là: rà soát.', ['la', 11, 'Mười một là', 'rà soát.']],
    ['12/ Báo cáo.', ['slash', 12, '12', 'Báo cáo.']],
  ] as const)('%j', (text, want) => {
    const m = matchMarker(text);
    expect(m && [m.kind, m.n, m.marker, m.text]).toEqual(want);
  });
});

describe('findAnnouncedCount', () => {
  it.each([
    ['cần tập trung thực hiện có hiệu quả bảy trọng tâm công tác.', 7],
    ['Bộ đưa ra bẩy giải pháp', 7],
    ['Hội nghị thống nhất mười hai nhiệm vụ', 12],
    ['Đề án gồm hai mươi mốt mục tiêu', 21],
    ['Có 5 lưu ý khi đi du lịch dịp Tết', 5],
    ['Ba đột phá chiến lược', 3],
    ['Năm 2024 là năm bản lề', null],
    ['Thành lập 2 đến 5 KCN mới', null],
    ['một trong những giải pháp quan trọng', null],
    ['GDP tăng 2,5 điểm', null],
    ['Trong 10 năm, 3 nhiệm vụ và sau đó 4 kiến nghị', 4],
  ] as const)('%s -> %s', (text, n) => {
    expect(findAnnouncedCount(text)).toBe(n);
  });
});

describe('vi-numbers', () => {
  it.each([
    ['một', 1],
    ['Bảy', 7],
    ['bẩy', 7],
    ['mười', 10],
    ['mười một', 11],
    ['mười lăm', 15],
    ['hai mươi', 20],
    ['hai mươi mốt', 21],
    ['ba mươi tư', 34],
    ['chín mươi chín', 99],
    ['MƯỜI HAI', 12],
    ['mười hai'.normalize('NFD'), 12],
    ['tư', null],
    ['lăm', null],
    ['một mươi', null],
    ['mười mốt', null],
    ['không', null],
    ['12', null],
    ['', null],
  ] as const)('parseViNumber(%j) = %s', (phrase, n) => {
    expect(parseViNumber(phrase)).toBe(n);
  });

  it.each([
    ['nhất', 1],
    ['tư', 4],
    ['bảy', 7],
    ['mười một', 11],
    ['một', null],
  ] as const)('parseViOrdinal(%j) = %s', (phrase, n) => {
    expect(parseViOrdinal(phrase)).toBe(n);
  });
});

describe('browser-free source', () => {
  it('uses no window or document globals', () => {
    const dir = path.join(process.cwd(), 'utils', 'action-items');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of [...files.map((x) => path.join(dir, x)), path.join(process.cwd(), 'utils/text/vi-numbers.ts')]) {
      // Comments may say "document order"; only code counts.
      const src = fs
        .readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(src, f).not.toMatch(/(?<![.\w])(window|document|globalThis)\b/);
    }
  });
});
