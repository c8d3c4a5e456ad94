import type { Plugin } from 'vite';

/**
 * A build step that lets a page fetch, while its HTML is parsed, a chunk its entry loads with
 * `import()`.
 *
 * Why: the popup's entry holds only its first questions to the background and loads its views
 * with `import('./start')` (src/popup/main.tsx), so the questions leave before the views are
 * evaluated. Vite preloads only an entry's static imports, so without this the views' chunk
 * would be fetched only once the entry has run (npm run bench: a few ms to 20 ms later).
 *
 * How: after the bundle is written, the page's HTML gets a `<link rel="modulepreload">` for the
 * chunk made from `module`. If no such chunk exists the build fails, naming this file.
 */
export function preloadLazyEntry(page: string, module: string): Plugin {
  return {
    name: 'preload-lazy-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.filename.endsWith(page)) return undefined;
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(module),
        );
        if (!chunk)
          throw new Error(
            `preload-lazy-entry: no chunk for ${module} (scripts/preload-lazy-entry.ts)`,
          );
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
