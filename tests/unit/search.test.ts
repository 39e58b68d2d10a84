/**
 * Vietnamese folding and the library search: people type without diacritics,
 * in any case, and expect "khu cong nghiep" to find "khu công nghiệp" whether
 * it is in the title, the sapo, the site, an action item or the body.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/utils/search/html-text';
import { LibrarySearch } from '@/utils/search/library-search';
import { fold, foldedVocabulary, foldedWords } from '@/utils/text/fold';
import { meta } from './saved-meta';

describe('fold', () => {
  it('removes every tone and vowel mark, maps đ to d, lower-cases', () => {
    expect(fold('Khu Công Nghiệp')).toBe('khu cong nghiep');
    expect(fold('ĐƯỜNG ĐI')).toBe('duong di');
    expect(fold('ơ ô ư ă â ê')).toBe('o o u a a e');
    expect(fold('à á ả ã ạ')).toBe('a a a a a');
    expect(fold('Thứ bảy, Đà Nẵng')).toBe('thu bay, da nang');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'nghiệp vụ'.normalize('NFC');
    const nfd = 'nghiệp vụ'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(fold(nfc)).toBe(fold(nfd));
  });

  it('splits into words and builds a vocabulary with each word once', () => {
    expect(foldedWords('Giá vàng giảm 2,5%!')).toEqual(['gia', 'vang', 'giam', '2', '5']);
    expect(foldedVocabulary('Vàng vàng VÀNG bạc')).toBe('vang bac');
  });

  it('html text: tags out, entities decoded', () => {
    expect(htmlToText('<p>Tôm &amp; cá&nbsp;<b>ngon</b></p><p>&#272;&#x1ea1;i</p>')).toBe('Tôm & cá ngon Đại');
  });
});

function library() {
  const s = new LibrarySearch();
  s.setArticles([
    meta('title', { title: 'Ban Quản lý các khu công nghiệp Hà Nội' }),
    meta('lead', { title: 'Tin kinh tế', lead: 'Giá vàng giảm mạnh trong phiên sáng' }),
    meta('site', { title: 'Bài bất kỳ', site: 'tuoitre.vn', siteName: 'Tuổi Trẻ' }),
    meta('item', {
      title: 'Chỉ đạo',
      actionItems: [
        { announcedCount: 1, items: [{ n: 1, marker: 'Thứ nhất', text: 'đẩy mạnh chuyển đổi số', done: false }] },
      ],
    }),
    meta('body', { title: 'Bài có thân' }),
  ]);
  return s;
}

describe('library search', () => {
  it('finds by title, sapo, site and item text typed without diacritics', () => {
    const s = library();
    expect(s.search('khu cong nghiep')).toEqual(['title']);
    expect(s.search('GIA VANG')).toEqual(['lead']);
    expect(s.search('tuoi tre')).toEqual(['site']);
    expect(s.search('chuyen doi so')).toEqual(['item']);
    // With diacritics works too, of course.
    expect(s.search('chuyển đổi số')).toEqual(['item']);
  });

  it('matches the word being typed as a prefix: instant as the user types', () => {
    const s = library();
    expect(s.search('khu cong ngh')).toEqual(['title']);
    expect(s.search('chuy')).toEqual(['item']);
    // Finished words match whole words only: "kinh" is not a prefix match once a space follows it.
    expect(s.search('ki')).toEqual(['lead']);
    expect(s.search('kin ')).toEqual([]);
    expect(s.search('')).toBeNull();
    expect(s.search('  ,. ')).toBeNull();
  });

  it('covers the body once its vocabulary is added, and ranks title hits above body hits', async () => {
    const s = library();
    expect(s.search('dien gio')).toEqual([]);
    const done = await s.addBodies(
      async (ids) => new Map(ids.map((id) => [id, id === 'body' ? 'dien gio ngoai khoi' : ''])),
    );
    expect(done).toBe(true);
    expect(s.complete).toBe(true);
    expect(s.search('điện gió')).toEqual(['body']);
    s.upsert(meta('title2', { title: 'Điện gió ngoài khơi', savedAt: -1 }), '');
    expect(s.search('dien gio')).toEqual(['title2', 'body']);
    // Words may sit in different fields: one in the title, one in the body.
    expect(s.search('than ngoai khoi')).toEqual(['body']);
  });

  it('follows removals and updates', () => {
    const s = library();
    s.remove('title');
    expect(s.search('khu cong nghiep')).toEqual([]);
    s.upsert(meta('lead', { title: 'Tin kinh tế', lead: 'Giá bạc tăng' }), '');
    expect(s.search('gia vang')).toEqual([]);
    expect(s.search('gia bac')).toEqual(['lead']);
  });

  it('a newer list cancels a body build in progress', async () => {
    const s = library();
    const build = s.addBodies(async (ids) => {
      s.setArticles([meta('x', { title: 'Khác' })]);
      return new Map(ids.map((id) => [id, 'abc']));
    });
    expect(await build).toBe(false);
    expect(s.search('khac')).toEqual(['x']);
  });
});

describe('library search while bodies are indexed', () => {
  it('keeps changes made during the build', async () => {
    const s = library();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const build = s.addBodies(async (ids) => {
      await gate;
      return new Map(ids.map((id) => [id, '']));
    });
    s.upsert(meta('late', { title: 'Bài lưu muộn' }), 'hoa sen');
    s.remove('title');
    release();
    expect(await build).toBe(true);
    expect(s.search('luu muon')).toEqual(['late']);
    expect(s.search('hoa sen')).toEqual(['late']);
    expect(s.search('khu cong nghiep')).toEqual([]);
  });
});

describe('typing narrows the previous matches', () => {
  it('gives the same results as a fresh search at every keystroke, forwards and back', async () => {
    const typed = library();
    await typed.addBodies(async (ids) => new Map(ids.map((id) => [id, id === 'body' ? 'khu dan cu cong vien' : ''])));
    const steps = ['k', 'kh', 'khu', 'khu ', 'khu c', 'khu co', 'khu cong', 'khu con', 'khu ', 'khu d', 'kh', 'gia v'];
    for (const q of steps) {
      const fresh = library();
      await fresh.addBodies(async (ids) => new Map(ids.map((id) => [id, id === 'body' ? 'khu dan cu cong vien' : ''])));
      expect([q, typed.search(q)]).toEqual([q, fresh.search(q)]);
    }
  });
});
