import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Spinner } from '../ui/Spinner';

export type LazyView<P> = ComponentType<P> & {
  /** Starts loading the module now (after the first paint), so it is there when shown. */
  preload(): void;
};

/**
 * A view whose module is loaded on first use instead of with the popup: what the first paint
 * does not show stays off the popup's start-up (npm run bench: open → QR, reopen → dashboard).
 * Until it has loaded, which takes a few ms from the extension's own files, a spinner holds
 * its place.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (loading ??= load().then((view) => {
      loaded = view;
      return view;
    }));

  function Lazy(props: P) {
    const [View, setView] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (View) return;
      let live = true;
      get().then(
        (view) => live && setView(() => view),
        (error: unknown) => console.error('[popup] a view could not be loaded:', error),
      );
      return () => {
        live = false;
      };
    }, []);
    return View ? <View {...props} /> : <Spinner />;
  }
  Lazy.preload = () => {
    get().catch(() => undefined);
  };
  return Lazy;
}
