import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

// One manifest source, two builds: `TARGET=firefox vite build` writes dist/firefox with
// background.scripts (Firefox MV3 runs an event page); the default writes dist/chrome with
// background.service_worker (docs/testing.md "CRXJS 3.0").
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const { service_worker, scripts, type } = baseManifest.background;
  const background = browser === 'firefox' ? { scripts, type } : { service_worker, type };
  if (browser === 'firefox') return { ...baseManifest, background } as ManifestV3Export;
  // Chrome rejects no gecko keys, but it warns on them: keep its manifest clean.
  const { browser_specific_settings: _gecko, ...chromeManifest } = baseManifest;
  return { ...chromeManifest, background } as ManifestV3Export;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Source maps stay out of the shipped bundle; the popup must stay small (npm run bench: < 25 KB gzip).
    sourcemap: false,
  },
});
