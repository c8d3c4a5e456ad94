/**
 * Chromium tells its extension service worker of each navigation to one of the extension's
 * pages, as a `fetch` event, some 8 ms after the toolbar icon is clicked; the popup's own first
 * question leaves only once its page and scripts have loaded, some 50 ms later. So the work that
 * question will need (a QR's jslogin when signed out, docs/protocol.md §2) starts at the
 * navigation instead, and the reply is on its way while the page starts (npm run bench: open →
 * QR).
 *
 * The worker never answers for a page. Static routes (the Service Worker static routing API,
 * Chromium 123+) race the popup's navigation against the extension's own file, which is always
 * what the page gets (the listener never responds: the event only tells us), and send every
 * other request of the extension's pages straight to its files, never through the worker. Where
 * routes are missing (an older Chromium, Firefox's event page) nothing is installed: a fetch
 * listener without them would put the worker in front of every file the pages load.
 *
 * The price: Chromium starts a worker that has a fetch listener for every navigation to the
 * extension's pages, and the page's start-up waits for it, so a stopped worker starts while the
 * popup loads, not once it asks; a kept QR or dashboard reopened then paints ~20 ms later on a
 * 2-core machine, while the first QR comes ~60 ms sooner (docs/architecture.md, "A signed-out
 * popup waits on jslogin").
 */

/** One rule of the static routing API; only what we use. */
interface RouterRule {
  readonly condition: {
    readonly urlPattern: { readonly pathname: string };
    readonly requestMode?: 'navigate';
  };
  readonly source: 'network' | 'race-network-and-fetch-handler';
}

/** The service worker global this needs (ServiceWorkerGlobalScope, InstallEvent, FetchEvent). */
export interface WorkerScope {
  addEventListener(type: 'install', listener: (event: RoutingInstallEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: NavigationEvent) => void): void;
}
export interface RoutingInstallEvent {
  addRoutes(rules: readonly RouterRule[]): Promise<void>;
  waitUntil(work: Promise<unknown>): void;
}
export interface NavigationEvent {
  readonly request: Pick<Request, 'url' | 'mode'>;
}

/** The static routes: only the popup's navigation reaches the worker, and never blocks. */
export function openingRoutes(popupPath: string): RouterRule[] {
  return [
    {
      condition: { urlPattern: { pathname: `/${popupPath}` }, requestMode: 'navigate' },
      source: 'race-network-and-fetch-handler',
    },
    { condition: { urlPattern: { pathname: '*' } }, source: 'network' },
  ];
}

/**
 * The worker global when it is a service worker that can route statically, else null.
 * `InstallEvent` exists only in a service worker's global.
 */
export function routingWorker(global: typeof globalThis): WorkerScope | null {
  const installEvent = (global as { InstallEvent?: { prototype: object } }).InstallEvent;
  return installEvent && 'addRoutes' in installEvent.prototype
    ? (global as unknown as WorkerScope)
    : null;
}

/**
 * Calls `onOpening` when a page navigates to `popupPath` (the manifest's `default_popup`, e.g.
 * `src/popup/index.html`), the toolbar's or a tab's. Returns whether it is installed.
 */
export function installPopupOpening(
  scope: WorkerScope | null,
  popupPath: string,
  onOpening: () => Promise<unknown>,
): boolean {
  if (!scope) return false;
  scope.addEventListener('install', (event) => {
    // A failed install would leave the extension without a worker: a route refused only
    // costs the worker a look at every request, so it is logged, not thrown.
    event.waitUntil(
      event
        .addRoutes(openingRoutes(popupPath))
        .catch((error: unknown) => console.warn('[opening] static routes refused:', error)),
    );
  });
  scope.addEventListener('fetch', (event) => {
    const { mode, url } = event.request;
    if (mode !== 'navigate' || new URL(url).pathname !== `/${popupPath}`) return;
    onOpening().catch((error: unknown) => console.warn('[opening] popup opening:', error));
  });
  return true;
}
