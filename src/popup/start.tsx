import { render } from 'preact';
import type { ViewState } from '../shared/view';
import { localizePage } from '../ui/i18n';
import { awaitsFreshQr, warmQrEncoder } from '../ui/qr-drawing';
import { afterPaint } from '../ui/idle-after-paint';
import { followThemeSetting } from '../ui/theme';
import { App } from './App';

/**
 * How long the first paint waits for the stored view. Reading storage.session takes a few
 * ms; should it hang, the popup paints "Connecting…" rather than nothing.
 */
const SHOWN_WAIT_MS = 100;

/** The popup's views, once boot.ts has asked its questions. */
export async function start(
  firstState: Promise<ViewState>,
  shownView: Promise<ViewState | null>,
): Promise<void> {
  localizePage('extShortName');
  followThemeSetting();
  const initial = await Promise.race([
    shownView,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), SHOWN_WAIT_MS)),
  ]);
  render(
    <App firstState={firstState} initial={initial} />,
    document.getElementById('app') as HTMLElement,
  );
  // The background is fetching a QR: the encoder warms up once "Connecting…" is painted,
  // during that wait rather than after it.
  if (awaitsFreshQr(initial)) afterPaint(warmQrEncoder);
}
