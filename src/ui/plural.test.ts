import { describe, expect, it } from 'vitest';
import { pluralKey } from './plural';

const catalog = new Set(['members_one', 'members_other']);
const has = (name: string) => catalog.has(name);
const keyFor = (lang: string, n: number) =>
  pluralKey('members', new Intl.PluralRules(lang).select(n), has);

describe('pluralKey', () => {
  it('English: one for 1, other for 0, 2 and 21', () => {
    expect(keyFor('en', 1)).toBe('members_one');
    expect([0, 2, 21, 1.5].map((n) => keyFor('en', n))).toEqual(Array(4).fill('members_other'));
  });

  it('Chinese has one form', () => {
    expect([0, 1, 2].map((n) => keyFor('zh-CN', n))).toEqual(Array(3).fill('members_other'));
  });

  it('a category the catalog lacks falls back to other', () => {
    expect(keyFor('ru', 3)).toBe('members_other');
  });
});
