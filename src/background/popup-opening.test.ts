import { describe, expect, it, vi } from 'vitest';
import {
  installPopupOpening,
  openingRoutes,
  routingWorker,
  type NavigationEvent,
  type RoutingInstallEvent,
  type WorkerScope,
} from './popup-opening';

const BASE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const POPUP = 'src/popup/index.html';

/** A service worker global that records its listeners, to fire them as the browser would. */
function fakeWorker() {
  const listeners: {
    install?: (e: RoutingInstallEvent) => void;
    fetch?: (e: NavigationEvent) => void;
  } = {};
  const scope = {
    addEventListener: (type: 'install' | 'fetch', listener: never) => {
      listeners[type] = listener;
    },
  } as WorkerScope;
  const navigate = (path: string, mode: RequestMode = 'navigate') =>
    listeners.fetch?.({ request: { url: BASE + path, mode } });
  return { scope, listeners, navigate };
}

describe('the popup opening, as Chromium tells the worker', () => {
  it('starts the work on the popup’s navigation only, never on its files or other pages', async () => {
    const { scope, navigate } = fakeWorker();
    const onOpening = vi.fn(async () => undefined);
    expect(installPopupOpening(scope, POPUP, onOpening)).toBe(true);

    navigate('src/options/index.html');
    navigate('assets/index.html-abc.js', 'cors');
    navigate(POPUP, 'cors');
    expect(onOpening).not.toHaveBeenCalled();

    navigate(POPUP);
    navigate(`${POPUP}?from=tab#top`);
    expect(onOpening).toHaveBeenCalledTimes(2);
  });

  it('installs routes that race the popup’s navigation and keep the worker off every other file', async () => {
    const { scope, listeners } = fakeWorker();
    installPopupOpening(scope, POPUP, async () => undefined);
    const addRoutes = vi.fn(async () => undefined);
    const waitUntil = vi.fn();
    listeners.install?.({ addRoutes, waitUntil });
    expect(addRoutes).toHaveBeenCalledWith(openingRoutes(POPUP));
    expect(waitUntil).toHaveBeenCalledTimes(1);
    const [navigation, rest] = openingRoutes(POPUP);
    expect(navigation).toEqual({
      condition: { urlPattern: { pathname: '/src/popup/index.html' }, requestMode: 'navigate' },
      source: 'race-network-and-fetch-handler',
    });
    expect(rest).toEqual({ condition: { urlPattern: { pathname: '*' } }, source: 'network' });
  });

  it('a browser that refuses the routes still installs the worker', async () => {
    const { scope, listeners } = fakeWorker();
    installPopupOpening(scope, POPUP, async () => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let installed: Promise<unknown> | undefined;
    listeners.install?.({
      addRoutes: async () => {
        throw new TypeError('unknown condition');
      },
      waitUntil: (work) => {
        installed = work;
      },
    });
    await expect(installed).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('[opening] static routes refused:', expect.any(TypeError));
    warn.mockRestore();
  });

  it('a failed start is logged, not thrown into the browser’s event', async () => {
    const { scope, navigate } = fakeWorker();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installPopupOpening(scope, POPUP, () => Promise.reject(new Error('storage gone')));
    expect(() => navigate(POPUP)).not.toThrow();
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('[opening] popup opening:', expect.any(Error)),
    );
    warn.mockRestore();
  });

  it('is not installed where static routing is missing (older Chromium, Firefox’s event page)', () => {
    const addEventListener = vi.fn();
    const plain = { addEventListener } as unknown as typeof globalThis;
    expect(routingWorker(plain)).toBeNull();
    const noRoutes = { addEventListener, InstallEvent: class {} } as unknown as typeof globalThis;
    expect(routingWorker(noRoutes)).toBeNull();
    expect(installPopupOpening(routingWorker(noRoutes), POPUP, async () => undefined)).toBe(false);
    expect(addEventListener).not.toHaveBeenCalled();

    class InstallEvent {
      addRoutes() {
        return Promise.resolve();
      }
    }
    const worker = { addEventListener, InstallEvent } as unknown as typeof globalThis;
    expect(routingWorker(worker)).toBe(worker);
  });
});
