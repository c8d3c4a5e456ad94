import { firstState, shownView } from './boot';

// The entry holds only boot.ts and what it needs, so the popup's questions to the background
// leave before Preact and the views are loaded and evaluated; those load meanwhile
// (npm run bench: open → QR).
void import('./start').then(({ start }) => start(firstState, shownView));
