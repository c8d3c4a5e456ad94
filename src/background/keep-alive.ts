import browser from 'webextension-polyfill';

/**
 * While any request is in flight, touch an extension API every 20 s: both browsers stop an
 * idle background after ~30 s even with a fetch pending (docs/testing.md "The MV3 worker's
 * life"). Every request also has its own timeout below 25 s, so this is a second guard.
 */
export function keepAliveWhile(fetchImpl: typeof fetch): typeof fetch {
  let pending = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    browser.runtime
      .getPlatformInfo()
      .catch((error: unknown) => console.warn('[keep-alive]', error));
  };
  return async (input, init) => {
    if (pending++ === 0) timer = setInterval(tick, 20_000);
    try {
      return await fetchImpl(input, init);
    } finally {
      if (--pending === 0) clearInterval(timer);
    }
  };
}
