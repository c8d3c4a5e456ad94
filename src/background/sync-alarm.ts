import browser from 'webextension-polyfill';
import type { SyncLoop } from './sync-loop';

const SYNC_ALARM = 'sync';

/**
 * The alarm restarts the sync loop after the browser stopped the worker (Chrome allows 30 s;
 * Firefox may round up to a minute — docs/testing.md). The listener is added at once, as MV3
 * requires for a worker woken by the alarm; the alarm itself is created once.
 */
export function installSyncAlarm(loop: Pick<SyncLoop, 'ensureRunning'>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) loop.ensureRunning();
  });
  browser.alarms
    .get(SYNC_ALARM)
    .then((alarm) => {
      if (!alarm) browser.alarms.create(SYNC_ALARM, { periodInMinutes: 0.5 });
    })
    .catch((error: unknown) => console.warn('[sync-alarm]', error));
}
