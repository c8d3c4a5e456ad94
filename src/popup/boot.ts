import { shownItem, trustedView } from '../shared/storage';
import { readStored, versionKey } from '../shared/storage-item';
import type { ViewState } from '../shared/view';
import { browser } from '../ui/ext';
import { send } from '../ui/messaging';

/*
 * The popup's first two questions, asked as soon as this module runs: the popup's entry
 * (main.tsx) holds only this, so they leave before the views are even loaded
 * (npm run bench: open → QR).
 */

/**
 * The view the background keeps for the popup (background/shown.ts): painted at once when
 * there is one, so a reopened popup shows its dashboard or its QR without waiting.
 */
export const shownView: Promise<ViewState | null> = browser.storage.session
  .get([shownItem.key, versionKey(shownItem)])
  .then(
    (stored) =>
      trustedView(
        readStored(shownItem, stored[shownItem.key], stored[versionKey(shownItem)]),
        Date.now(),
      ),
    () => null,
  );

/** The background's own answer; it replaces whatever was painted first. */
export const firstState: Promise<ViewState> = send('getState', {});
