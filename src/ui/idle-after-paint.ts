/** The timers `afterPaint` and `idleAfterPaint` need; the page's own by default, a fake one in tests. */
export interface FrameScheduler {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
  setTimeout(callback: () => void): ReturnType<typeof setTimeout>;
  clearTimeout(handle: ReturnType<typeof setTimeout>): void;
  requestIdleCallback(callback: () => void, options: { timeout: number }): number;
  cancelIdleCallback(handle: number): void;
}

/**
 * Runs `work` in a task once the frame that shows the page's latest change has been made: an
 * animation frame, then a task (which runs after that frame's paint). Returns a function that
 * cancels whichever step is still pending.
 */
export function afterPaint(
  work: () => void,
  scheduler: Pick<
    FrameScheduler,
    'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'
  > = globalThis,
): () => void {
  let cancel: () => void;
  const frame = scheduler.requestAnimationFrame(() => {
    const task = scheduler.setTimeout(work);
    cancel = () => scheduler.clearTimeout(task);
  });
  cancel = () => scheduler.cancelAnimationFrame(frame);
  return () => cancel();
}

/**
 * Runs `work` in idle time once the frame that shows the page's latest change has been made
 * (`afterPaint`, then an idle callback).
 *
 * Why: Chromium may start an idle period between a change and the frame that paints it, and an
 * idle callback that runs then holds that frame until it returns. Traced in the toolbar popup:
 * the dashboard's formatters, made as soon as the first QR was rendered, took 13.6 ms (ICU's
 * set-up) and the QR painted one frame later, 17 ms (npm run bench: open → QR, first).
 *
 * Returns a function that cancels whatever step is still pending.
 */
export function idleAfterPaint(
  work: () => void,
  idleTimeoutMs: number,
  scheduler: FrameScheduler = globalThis,
): () => void {
  let cancelIdle: (() => void) | null = null;
  const cancelPaint = afterPaint(() => {
    const idle = scheduler.requestIdleCallback(work, { timeout: idleTimeoutMs });
    cancelIdle = () => scheduler.cancelIdleCallback(idle);
  }, scheduler);
  return () => (cancelIdle ?? cancelPaint)();
}
