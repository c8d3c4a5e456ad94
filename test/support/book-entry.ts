/** Test-only: address-book entries with empty details, patched as a test needs. */
import type { BookEntry, Contact, ContactDetails } from '../../src/wechat';

/** The card details of a contact WeChat said nothing more about. */
export function emptyDetails(
  nickName: string,
  patch: Partial<ContactDetails> = {},
): ContactDetails {
  return {
    nickName,
    remarkName: '',
    alias: '',
    signature: '',
    region: '',
    pyInitial: '',
    pyQuanPin: '',
    remarkPyInitial: '',
    remarkPyQuanPin: '',
    ...patch,
  };
}

/** A contact as the address book holds it: the contact, with empty details. */
export function withDetails(contact: Contact): BookEntry {
  return { ...contact, details: emptyDetails(contact.displayName) };
}

export function entry(userName: string, patch: Partial<BookEntry> = {}): BookEntry {
  return {
    userName,
    displayName: userName,
    kind: userName.startsWith('@@') ? 'group' : 'person',
    avatarUrl: '',
    memberCount: 0,
    details: emptyDetails(userName),
    ...patch,
  };
}
