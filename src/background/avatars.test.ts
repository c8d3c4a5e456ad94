import { describe, expect, it, vi } from 'vitest';
import type { Contact } from '../wechat';
import { WeChatError } from '../wechat/errors';
import { sessionItem, type StoredSession } from '../shared/storage';
import { createMemoryAreas } from '../../test/support/storage';
import {
  createAvatarLedger,
  fetchAvatars,
  MAX_AVATAR_CHARS,
  MAX_AVATARS,
  retryMissingAvatars,
} from './avatars';
import { createStore } from './store';

const HOSTS = { main: 'wx.qq.com', login: 'login.wx.qq.com', file: 'f', push: 'p' };
const person = (userName: string): Contact => ({
  userName,
  displayName: userName,
  kind: 'person',
  avatarUrl: `https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxgeticon?username=${userName}`,
  memberCount: 0,
});
const people = ['@a', '@b', '@c', '@d', '@e'].map(person);
const session: StoredSession = {
  tokens: { uin: 1, sid: 's', skey: 'k', passTicket: 'p', hosts: HOSTS },
  syncKey: [],
  syncCheckKey: [],
  dashboard: {
    profile: {
      uin: 1,
      userName: '@a',
      nickName: 'A',
      signature: '',
      avatarUrl: people[0]!.avatarUrl,
    },
    contacts: people.slice(1),
    feeds: [],
    avatars: {},
    unread: {},
  },
  savedAt: 0,
};
const image = (url: string) => `data:image/jpeg;base64,${btoa(url.slice(-2))}`;
const broken = new WeChatError('Malformed', 'not a whole image', {
  operation: 'fetchImage',
  url: 'u',
});

async function setup() {
  const store = createStore(createMemoryAreas());
  await store.set(sessionItem, session);
  let t = 0;
  // Each reading of the clock is 400 ms later: saving "as they come" happens at every avatar.
  const now = () => (t += 400);
  const saved = async () => Object.keys((await store.get(sessionItem))?.dashboard?.avatars ?? {});
  return { store, now, saved, ledger: createAvatarLedger() };
}

describe('fetchAvatars', () => {
  it('saves the avatars that arrived while one of them hangs', async () => {
    const { store, now, saved, ledger } = await setup();
    const fetchImage = vi.fn((url: string) =>
      url.endsWith('@c')
        ? new Promise<string | null>(() => undefined)
        : Promise.resolve(image(url)),
    );
    void fetchAvatars({ fetchImage }, store, people, { now, ledger });
    await vi.waitFor(async () => expect((await saved()).sort()).toEqual(['@a', '@b', '@d', '@e']));
  });

  it('keeps no broken picture, and tries it again only when its retry time has come', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, saved, ledger } = await setup();
    let clock = 1_000;
    const now = () => clock;
    const fetchImage = vi.fn(async (url: string) => {
      if (url.endsWith('@b')) throw broken;
      return image(url);
    });
    await fetchAvatars({ fetchImage }, store, people, { now, ledger });
    expect(await saved()).not.toContain('@b');
    expect(fetchImage).toHaveBeenCalledTimes(5);

    await retryMissingAvatars({ fetchImage }, store, { now, ledger });
    expect(fetchImage).toHaveBeenCalledTimes(5); // a minute has not passed

    clock += 60_000;
    fetchImage.mockImplementation(async (url: string) => image(url)); // the fault cleared
    await retryMissingAvatars({ fetchImage }, store, { now, ledger });
    expect(fetchImage).toHaveBeenCalledTimes(6);
    expect(await saved()).toContain('@b');
  });

  it('keeps the snapshot small: no oversized picture, and a bounded number of them', async () => {
    const { store, now, saved, ledger } = await setup();
    const huge = `data:image/jpeg;base64,${'A'.repeat(MAX_AVATAR_CHARS)}`;
    const fetchImage = vi.fn(async (url: string) => (url.endsWith('@b') ? huge : image(url)));
    await fetchAvatars({ fetchImage }, store, people, { now, ledger });
    expect((await saved()).sort()).toEqual(['@a', '@c', '@d', '@e']);

    const many = Array.from({ length: MAX_AVATARS + 50 }, (_, i) => person(`@p${i}`));
    for (let round = 0; round < 20; round++) {
      await fetchAvatars({ fetchImage }, store, many, { now, ledger });
    }
    expect(await saved()).toHaveLength(MAX_AVATARS);
  });

  it('gives up on an avatar after three retries', async () => {
    const { store, ledger } = await setup();
    let clock = 0;
    const now = () => clock;
    const fetchImage = vi.fn(async (url: string) => (url.endsWith('@b') ? null : image(url)));
    for (let i = 0; i < 6; i++) {
      await retryMissingAvatars({ fetchImage }, store, { now, ledger });
      clock += 24 * 60 * 60_000;
    }
    const forB = fetchImage.mock.calls.filter(([url]) => url.endsWith('@b'));
    expect(forB).toHaveLength(4); // the first try and three retries
  });
});
