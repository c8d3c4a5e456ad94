import { describe, expect, it } from 'vitest';
import type { BookEntry, ContactDetails } from '../../wechat';
import { emptyDetails, entry as bookEntry } from '../../../test/support/book-entry';
import { foldQuery } from './fold';
import { matchEntry, prepare, search, syllableStarts } from './match';

function entry(displayName: string, details: Partial<ContactDetails> = {}): BookEntry {
  return bookEntry(`@${displayName}`, {
    displayName,
    kind: 'person',
    details: emptyDetails(displayName, details),
  });
}

const zhangsan = entry('张三', { pyInitial: 'zs', pyQuanPin: 'zhangsan' });
const find = (e: BookEntry, q: string) => matchEntry(prepare(e), foldQuery(q));

describe('the contact matcher', () => {
  it('finds 张三 by initials and by full pinyin, highlighting the characters spelt', () => {
    expect(find(zhangsan, 'zs')).toEqual({ field: 'displayName', start: 0, end: 2 });
    expect(find(zhangsan, 'zhangsan')).toEqual({ field: 'displayName', start: 0, end: 2 });
    expect(find(zhangsan, 'san')).toEqual({ field: 'displayName', start: 1, end: 2 });
    expect(find(zhangsan, 's')).toEqual({ field: 'displayName', start: 1, end: 2 });
    expect(find(zhangsan, 'li')).toBeNull();
  });

  it('is case- and width-insensitive', () => {
    expect(find(zhangsan, 'ZS')).not.toBeNull();
    expect(find(zhangsan, 'ｚｓ')).not.toBeNull();
    expect(find(entry('Ｂｏｂ'), 'bob')).toEqual({ field: 'displayName', start: 0, end: 3 });
    expect(find(entry('Bob'), 'ＢＯ')).toEqual({ field: 'displayName', start: 0, end: 2 });
  });

  it('prefers the remark over the nickname, and still finds the nickname behind it', () => {
    const remarked = entry('老板', {
      nickName: '张三',
      remarkName: '老板',
      pyInitial: 'zs',
      pyQuanPin: 'zhangsan',
      remarkPyInitial: 'lb',
      remarkPyQuanPin: 'laoban',
    });
    expect(find(remarked, 'lb')).toEqual({ field: 'displayName', start: 0, end: 2 });
    expect(find(remarked, 'zs')).toEqual({ field: 'nickName', start: 0, end: 2 });
    expect(find(remarked, '张')).toEqual({ field: 'nickName', start: 0, end: 1 });
  });

  it('keeps emoji whole and finds text after them', () => {
    const e = entry('😄 Ann 👩‍👩‍👧');
    expect(find(e, 'ann')).toEqual({ field: 'displayName', start: 2, end: 5 });
    expect(find(e, '😄')).toEqual({ field: 'displayName', start: 0, end: 1 });
  });

  it('matches the alias', () => {
    expect(find(entry('Ann', { alias: 'ann_88' }), '_88')).toEqual({
      field: 'alias',
      start: 3,
      end: 6,
    });
  });

  it('highlights the whole name when the pinyin does not line up with the characters', () => {
    expect(find(entry('张三丰X', { pyInitial: 'zsf', pyQuanPin: 'zhangsanfeng' }), 'zsf')).toEqual({
      field: 'displayName',
      start: 0,
      end: 4,
    });
  });

  it('splits full pinyin into syllables by the initials', () => {
    expect(syllableStarts('zhangsan', 'zs')).toEqual([0, 5]);
    expect(syllableStarts('zhangsan', 'xs')).toBeNull();
  });

  it('returns everything for an empty query, in book order', () => {
    const items = [zhangsan, entry('Bob')].map(prepare);
    expect(search(items, '').map((h) => h.item.entry.displayName)).toEqual(['张三', 'Bob']);
    expect(search(items, 'b').map((h) => h.item.entry.displayName)).toEqual(['Bob']);
  });
});
