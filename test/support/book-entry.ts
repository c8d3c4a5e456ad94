/** Test-only: an address-book entry with empty details, patched as a test needs. */
import type { BookEntry } from '../../src/wechat';

export function entry(userName: string, patch: Partial<BookEntry> = {}): BookEntry {
  return {
    userName,
    displayName: userName,
    kind: userName.startsWith('@@') ? 'group' : 'person',
    avatarUrl: '',
    memberCount: 0,
    details: {
      nickName: userName,
      remarkName: '',
      alias: '',
      signature: '',
      region: '',
      pyInitial: '',
      pyQuanPin: '',
      remarkPyInitial: '',
      remarkPyQuanPin: '',
    },
    ...patch,
  };
}
