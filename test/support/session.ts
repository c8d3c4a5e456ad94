/** Test-only: a stored, signed-in session of the background's unit tests, patched as needed. */
import type { StoredSession } from '../../src/shared/storage';
import type { Dashboard } from '../../src/shared/view';

export function storedSession(
  patch: Partial<Omit<StoredSession, 'dashboard'>> & { dashboard?: Partial<Dashboard> } = {},
): StoredSession {
  const { dashboard, ...rest } = patch;
  return {
    tokens: {
      uin: 7,
      sid: 'sid',
      skey: '@crypt',
      passTicket: 'p',
      hosts: {
        main: 'wx.qq.com',
        login: 'login.wx.qq.com',
        file: 'file.wx.qq.com',
        push: 'webpush.wx.qq.com',
      },
    },
    syncKey: [{ key: 1, val: 1 }],
    syncCheckKey: [],
    savedAt: 0,
    ...rest,
    dashboard: {
      profile: { uin: 7, userName: '@me', nickName: 'Me', signature: '', avatarUrl: '' },
      contacts: [],
      feeds: [],
      avatars: {},
      unread: {},
      ...dashboard,
    },
  };
}
