import { sessionItem } from '../shared/storage';
import type { SessionDriver } from './login/driver';
import type { Store } from './store';
import type { SyncLoop } from './sync-loop';

/** A snapshot older than this is refreshed with webwxinit at start-up, so names and avatars catch up. */
const STALE_SNAPSHOT_MS = 6 * 60 * 60_000;

/**
 * When the browser or the worker starts with a stored session: refresh a stale snapshot, then
 * let the sync loop check the session quietly. Its first synccheck says whether the session
 * still lives (1100/1101/1102 end it with the reason); a network failure only backs off.
 */
export interface ResumeDeps {
  readonly store: Store;
  readonly driver: Pick<SessionDriver, 'refresh'>;
  readonly loop: Pick<SyncLoop, 'ensureRunning'>;
  readonly now: () => number;
}

/** Resolves true when a signed-in session was resumed. */
export async function resumeSession(deps: ResumeDeps): Promise<boolean> {
  const { store, driver, loop, now } = deps;
  const session = await store.get(sessionItem);
  if (!session?.dashboard) return false;
  if (now() - session.savedAt > STALE_SNAPSHOT_MS) await driver.refresh();
  loop.ensureRunning();
  return true;
}
