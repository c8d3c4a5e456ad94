import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dashboard, Settings } from '../shared/view';
import type { IncomingMessage } from './sync-apply';

// The notifier talks to the browser; here the browser is a small fake.
const fake = vi.hoisted(() => ({
  granted: true,
  created: [] as { id: string; options: Record<string, string> }[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    permissions: { contains: async () => fake.granted },
    notifications: {
      create: async (id: string, options: Record<string, string>) => {
        fake.created.push({ id, options });
        return id;
      },
    },
    i18n: {
      getMessage: (key: string, sub?: string) =>
        ({ newMessages: `${sub} new message(s)`, msgImage: '[Image]', extShortName: 'WeChat Web' })[
          key
        ] ?? key,
    },
    runtime: { getURL: (path: string) => `chrome-extension://id/${path}` },
  },
}));
const { notifyIncoming } = await import('./notifier');

const dashboard: Dashboard = {
  profile: { uin: 1, userName: '@me', nickName: 'Me', signature: '', avatarUrl: '' },
  contacts: [
    { userName: '@a', displayName: 'Ann', kind: 'person', avatarUrl: '', memberCount: 0 },
    { userName: '@@g', displayName: 'Family', kind: 'group', avatarUrl: '', memberCount: 3 },
  ],
  feeds: [],
  avatars: { '@a': 'data:image/jpeg;base64,AAAA' },
  unread: { '@a': 2, '@@g': 1 },
};
const messages: readonly IncomingMessage[] = [
  { chat: '@a', text: 'first', carries: null },
  { chat: '@a', text: 'the secret plan', carries: null },
  { chat: '@@g', text: '', carries: 'image' },
];
const settings = (patch: Partial<Settings>): Settings => ({
  forgetOnClose: false,
  notify: true,
  notifyText: false,
  theme: 'system',
  ...patch,
});

describe('notifications', () => {
  beforeEach(() => {
    fake.granted = true;
    fake.created = [];
  });

  it('are off by default', async () => {
    await notifyIncoming(messages, dashboard, settings({ notify: false }));
    expect(fake.created).toEqual([]);
  });

  it('need the optional permission', async () => {
    fake.granted = false;
    await notifyIncoming(messages, dashboard, settings({}));
    expect(fake.created).toEqual([]);
  });

  it('say who wrote and how many, one per chat, without the text unless allowed', async () => {
    await notifyIncoming(messages, dashboard, settings({}));
    expect(fake.created).toEqual([
      {
        id: 'chat:@a',
        options: expect.objectContaining({
          title: 'Ann',
          message: '2 new message(s)',
          iconUrl: 'data:image/jpeg;base64,AAAA',
        }),
      },
      {
        id: 'chat:@@g',
        options: expect.objectContaining({
          title: 'Family',
          message: '1 new message(s)',
          iconUrl: 'chrome-extension://id/icons/icon-128.png',
        }),
      },
    ]);
    expect(JSON.stringify(fake.created)).not.toContain('secret');
  });

  it('show the latest text when the user allows it, a label for media', async () => {
    await notifyIncoming(messages, dashboard, settings({ notifyText: true }));
    expect(fake.created.map((n) => n.options.message)).toEqual(['the secret plan', '[Image]']);
  });
});
