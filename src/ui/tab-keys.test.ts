import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tab-keys';

const tabs = ['chats', 'articles', 'contacts'] as const;

describe('tabAfterKey', () => {
  it('arrows move one tab and wrap at both ends', () => {
    expect(tabAfterKey('ArrowRight', tabs, 'chats')).toBe('articles');
    expect(tabAfterKey('ArrowRight', tabs, 'contacts')).toBe('chats');
    expect(tabAfterKey('ArrowLeft', tabs, 'articles')).toBe('chats');
    expect(tabAfterKey('ArrowLeft', tabs, 'chats')).toBe('contacts');
  });

  it('Home and End go to the first and the last tab', () => {
    expect(tabAfterKey('Home', tabs, 'contacts')).toBe('chats');
    expect(tabAfterKey('End', tabs, 'chats')).toBe('contacts');
  });

  it('other keys and unknown tabs are left to the browser', () => {
    for (const key of ['Tab', 'Enter', ' ', 'ArrowDown', 'a']) {
      expect(tabAfterKey(key, tabs, 'chats')).toBeNull();
    }
    expect(tabAfterKey('ArrowRight', [], 'chats')).toBeNull();
    expect(tabAfterKey('ArrowRight', tabs, 'nope' as 'chats')).toBeNull();
  });
});
