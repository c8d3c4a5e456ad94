import type { Simulator } from '../../wxsim/index';
import type { PopupPage } from './popup-page';

/**
 * How long to wait for what sync brings: it arrives within a second; the bound is one synccheck
 * timeout (24 s) plus slack, as a synccheck that gets no answer ends only at our timeout.
 */
export const SYNC_BOUND_MS = 40_000;

/** The phone side of a sign-in: scan, see the avatar, confirm, see the dashboard. */
export async function signIn(sim: Simulator, popup: PopupPage): Promise<void> {
  await popup.waitForState('qr');
  const uuid = await scanShownQr(sim, popup);
  await popup.waitForState('scanned');
  sim.phone.confirm(uuid);
  await popup.waitForState('signedIn');
}

/**
 * The phone scans the QR the popup shows, as a person would, and returns its uuid. A popup
 * opens on the QR it kept (docs/architecture.md), which a reset simulator no longer knows; the
 * popup replaces it within a poll, so a QR the server refuses is waited out, not scanned.
 */
export async function scanShownQr(sim: Simulator, popup: PopupPage, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    // The phone takes the QR's text as it is (…/l/<uuid>) and answers with the uuid.
    const shown = await popup.qrText().catch(() => '');
    try {
      if (shown) return sim.phone.scan(shown);
    } catch (refused) {
      if (Date.now() > deadline) throw refused;
    }
    if (Date.now() > deadline) throw new Error(`no QR to scan within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every value of the extension's storage, as one string: to look for tokens left behind. */
export async function storageText(popup: PopupPage): Promise<string> {
  const [local, session] = await Promise.all([popup.storage('local'), popup.storage('session')]);
  return JSON.stringify({ local, session });
}

export async function until<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `condition not met within ${timeout} ms; last value ${JSON.stringify(value)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
