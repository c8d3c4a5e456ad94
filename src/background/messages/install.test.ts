import { describe, expect, it, vi } from 'vitest';
import { sessionItem, type StoredSession } from '../../shared/storage';
import { createMemoryAreas } from '../../../test/support/storage';
import { createStore } from '../store';
import type { Chats } from './chats';
import { forgetWithSession } from './install';

const session = { tokens: { sid: 's' } } as unknown as StoredSession;
const settings = {
  forgetOnClose: true,
  notify: false,
  notifyText: false,
  theme: 'system',
} as const;

async function run(forgetOnClose: boolean, signedIn: boolean) {
  const store = createStore(createMemoryAreas());
  vi.spyOn(store, 'get').mockImplementation(async (item) =>
    item === sessionItem ? (signedIn ? session : null) : ({ ...settings, forgetOnClose } as never),
  );
  const clear = vi.fn(async () => undefined);
  await forgetWithSession(store, { clear } as unknown as Chats);
  return clear;
}

describe('messages of a forgotten browser session', () => {
  it('are removed when "forget on close" is on and the session is gone', async () => {
    expect(await run(true, false)).toHaveBeenCalledTimes(1);
  });
  it('stay while the session lives, or when the session is kept across restarts', async () => {
    expect(await run(true, true)).not.toHaveBeenCalled();
    expect(await run(false, false)).not.toHaveBeenCalled();
  });
});
