import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';
import type { OutputBundle } from 'rolldown';

/**
 * A build step that makes the background one script: the loader CRXJS writes
 * (`service-worker-loader.js`) with every module it imports bundled into it.
 *
 * Why: the build shares chunks between the pages and the background (storage, the message
 * types), so the worker started as seven modules. Each start (the popup opening, an alarm, a
 * push) then paid for the module graph: measured in the toolbar popup, the worker was ready
 * ~8 ms sooner as one file, and a first QR with the worker stopped painted ~16 ms sooner
 * (npm run bench). Chromium also holds a popup's navigation until the worker it starts is
 * running (background/popup-opening.ts), so a faster start is a faster popup.
 *
 * How: after the files are written, Rolldown bundles the loader in place, and the chunks only
 * the background used are deleted; the pages keep theirs.
 */
export function singleFileWorker(loaderFile = 'service-worker-loader.js'): Plugin {
  let outDir = '';
  let backgroundOnly: string[] = [];
  return {
    name: 'single-file-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      backgroundOnly = chunksOnlyBackgroundUses(bundle as unknown as OutputBundle);
    },
    async writeBundle() {
      const loader = join(outDir, loaderFile);
      const build = await rolldown({ input: loader, logLevel: 'warn' });
      await build.write({ file: loader, format: 'esm', minify: true, codeSplitting: false });
      await build.close();
      for (const file of backgroundOnly) rmSync(join(outDir, file));
    },
  };
}

/** The chunks reachable from the background's entry and from no page's. */
function chunksOnlyBackgroundUses(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const reachable = (roots: string[]): Set<string> => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const chunk = byFile.get(file);
      for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])]) visit(next);
    };
    roots.forEach(visit);
    return seen;
  };
  const isBackground = (c: (typeof chunks)[number]) =>
    c.facadeModuleId?.endsWith('/src/background/main.ts') ?? false;
  const background = reachable(chunks.filter(isBackground).map((c) => c.fileName));
  if (background.size === 0)
    throw new Error('single-file-worker: no chunk for src/background/main.ts');
  const pages = reachable(
    chunks.filter((c) => c.isEntry && !isBackground(c)).map((c) => c.fileName),
  );
  return [...background].filter((file) => !pages.has(file));
}
