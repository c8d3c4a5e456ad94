import { loginItem, sessionItem, syncItem } from '../../shared/storage';
import type { Store } from '../store';

/**
 * The server ended the session (1100/1101/1102, docs/protocol.md §13, §20): forget the tokens,
 * return to the QR with the reason. The known account stays, for push login (§17).
 */
export async function endSession(store: Store, code: number): Promise<void> {
  await store.remove(sessionItem);
  await store.remove(syncItem);
  await store.set(loginItem, { type: 'idle', notice: { type: 'sessionEnded', code } });
}
