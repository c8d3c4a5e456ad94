import { loginItem, sessionItem, syncItem } from '../../shared/storage';
import type { Store } from '../store';

/**
 * The server ended the session whose tokens carry `sid` (1100/1101/1102, docs/protocol.md §13,
 * §20): forget the tokens, return to the QR with the reason. The known account stays, for push
 * login (§17). Only while that session is the one stored: the sync loop and the address book can
 * both learn of the same end, and the second to hear of it must not send a login already under
 * way (a new QR on screen, perhaps being scanned) back to the start. True when it ended it.
 */
export async function endSession(store: Store, sid: string, code: number): Promise<boolean> {
  let ended = false;
  await store.update(sessionItem, (current) => {
    if (current?.tokens.sid !== sid) return current;
    ended = true;
    return null;
  });
  if (!ended) return false;
  await store.remove(sessionItem);
  await store.remove(syncItem);
  await store.set(loginItem, { type: 'idle', notice: { type: 'sessionEnded', code } });
  return true;
}
