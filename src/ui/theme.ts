import { browser } from './ext';
import type { Theme } from '../shared/view';
import { send } from './messaging';

/**
 * The theme chosen on the options page, applied to this page: `data-theme` pins base.css's
 * color-scheme to light or dark; without it the page follows prefers-color-scheme.
 */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Applies the stored theme now and whenever the settings change (from any page). */
export function followThemeSetting(): void {
  const load = () =>
    send('getSettings', {}).then(
      (settings) => applyTheme(settings.theme),
      // Unreadable settings leave the system's scheme: nothing the person needs to act on.
      (error: unknown) => console.warn('[theme] settings unavailable:', error),
    );
  void load();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void load();
  });
}
