import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestFor } from './scripts/manifest.ts';
import { preactWithoutInnerHtml } from './scripts/preact-without-inner-html.ts';
import { preloadLazyEntry } from './scripts/preload-lazy-entry.ts';
import { singleFileWorker } from './scripts/single-file-worker.ts';

// One manifest source, two builds: `TARGET=firefox vite build` writes dist/firefox with
// background.scripts (Firefox MV3 runs an event page); the default writes dist/chrome with
// background.service_worker. scripts/manifest.ts makes both variants (and checks
// host_permissions against src/wechat/hosts.ts).
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    preactWithoutInnerHtml(),
    preloadLazyEntry('/src/popup/index.html', '/src/popup/start.tsx'),
    preact(),
    crx({ manifest: manifestFor(target) as unknown as ManifestV3Export, browser: target }),
    singleFileWorker(),
  ],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Source maps stay out of the shipped bundle; the popup must stay small (npm run bench: < 25 KB gzip).
    sourcemap: false,
    // Both browsers we support (Chrome 120+, Firefox 140+) have <link rel=modulepreload>.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Name the chunks the pages share after what is in them (by default Rolldown names a
        // shared chunk after one of its modules, which gave Preact a chunk called "i18n").
        codeSplitting: {
          groups: [
            {
              name: 'vendor-webextension-polyfill',
              test: /[\\/]node_modules[\\/]webextension-polyfill[\\/]/,
              priority: 3,
            },
            { name: 'vendor-preact', test: /[\\/]node_modules[\\/]preact[\\/]/, priority: 2 },
            { name: 'ui-common', test: /[\\/]src[\\/]ui[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
});
