import { describe, expect, it, vi } from 'vitest';
import type { BookEntry } from '../../wechat';
import { AVATAR_CACHE_MAX_COUNT, AVATARS_PER_REQUEST, createBookAvatars } from './avatars';
import { bookHandlers } from './handlers';
import type { ContactBook } from './keeper';
import { entry } from '../../../test/support/book-entry';

const withAvatar = (name: string): BookEntry =>
  entry(name, { avatarUrl: `https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?username=${name}` });

describe('avatars on demand (docs/protocol.md §12)', () => {
  it('fetches each once, remembers an empty reply as a placeholder, and none without a URL', async () => {
    const fetchImage = vi.fn(async (url: string) =>
      url.endsWith('@empty') ? null : `data:image/png;base64,${url.length}`,
    );
    const avatars = createBookAvatars({ fetchImage });
    const people = [withAvatar('@a'), withAvatar('@empty'), entry('@none')];
    expect(await avatars.get(people)).toEqual({
      '@a': expect.stringMatching(/^data:image\/png/),
      '@empty': null,
      '@none': null,
    });
    await avatars.get(people);
    expect(fetchImage).toHaveBeenCalledTimes(2);
  });

  it('a failed fetch is a placeholder, not an error', async () => {
    const avatars = createBookAvatars({ fetchImage: vi.fn().mockRejectedValue(new Error('x')) });
    expect(await avatars.get([withAvatar('@a')])).toEqual({ '@a': null });
  });

  it('keeps at most AVATAR_CACHE_MAX_COUNT images, dropping the least recently used', async () => {
    const avatars = createBookAvatars({ fetchImage: async () => 'data:image/png;base64,AA' });
    const many = Array.from({ length: AVATAR_CACHE_MAX_COUNT + 40 }, (_, i) => withAvatar(`@${i}`));
    for (let i = 0; i < many.length; i += AVATARS_PER_REQUEST) {
      await avatars.get(many.slice(i, i + AVATARS_PER_REQUEST));
    }
    expect(avatars.size().count).toBe(AVATAR_CACHE_MAX_COUNT);
  });

  it('answers only for entries of the book, never for a name it does not hold', async () => {
    const fetchImage = vi.fn(async () => 'data:image/png;base64,AA');
    const book = { entries: async () => [withAvatar('@a')] } as unknown as ContactBook;
    const handlers = bookHandlers(book, createBookAvatars({ fetchImage }));
    expect(await handlers.avatars(['@a', '@stranger'])).toEqual({
      '@a': 'data:image/png;base64,AA',
    });
    expect(fetchImage).toHaveBeenCalledTimes(1);
  });
});
