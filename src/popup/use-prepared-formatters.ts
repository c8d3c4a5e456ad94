import { useEffect } from 'preact/hooks';
import type { ViewState } from '../shared/view';
import { prepareFormatters } from '../ui/i18n';
import { idleAfterPaint } from '../ui/idle-after-paint';

/** Views shown while the person acts on the phone (seconds): the page is idle meanwhile. */
const WAITING_ON_PHONE: ReadonlySet<ViewState['type']> = new Set(['qr', 'scanned', 'pushSent']);

/**
 * While a QR waits for its scan and confirm, the dashboard's formatters are made in idle time
 * (ui/i18n.ts: the first costs 20–40 ms in a fresh renderer), so the dashboard renders without
 * that cost once the person confirms. Never while a QR is still being fetched, nor before the
 * QR has painted: its paint would wait behind them (ui/idle-after-paint.ts).
 */
export function usePreparedFormatters(state: ViewState | null): void {
  const waiting = state !== null && WAITING_ON_PHONE.has(state.type);
  useEffect(() => {
    if (!waiting) return;
    return idleAfterPaint(prepareFormatters, 2_000);
  }, [waiting]);
}
