import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  /** Path inside the extension, e.g. assets/index.html-C5oA9Ynn.js */
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleSize {
  readonly files: readonly AssetSize[];
  readonly raw: number;
  /** Sum of each file gzipped on its own (level 9), as each is loaded on its own. */
  readonly gzip: number;
  /**
   * Dynamic import() specifiers of the views loaded after the first paint (an open chat, the
   * address book): not counted. The page script's own dynamic imports run at once (the popup
   * loads its views that way), so they and what they import are counted.
   */
  readonly dynamicImports: readonly string[];
  /** Local-looking specifiers with no file behind them (a false match, or a broken build). */
  readonly unresolved: readonly string[];
}

const HTML_REFS = [
  /<script\b[^>]*\bsrc="([^"]+)"/g,
  /<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g,
  /<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g,
];
/** Static imports in emitted (minified) ES modules: `from"./x.js"`, `import"./x.js"`. */
const JS_STATIC = /(?:\bfrom|\bimport)\s*["']([^"']+)["']/g;
const JS_DYNAMIC = /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
const HTML_SCRIPT = /<script\b[^>]*\bsrc="([^"]+)"/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g;

const matches = (text: string, re: RegExp): string[] =>
  [...text.matchAll(re)].map((m) => m[1] ?? '');
const isLocal = (spec: string): boolean => /^(\.{1,2})?\//.test(spec);

/** Every JS and CSS file the popup page loads from the built extension at `root`. */
export function popupBundleSize(root: string, htmlPath = 'src/popup/index.html'): BundleSize {
  const html = resolve(root, htmlPath);
  const toFile = (spec: string, from: string): string =>
    spec.startsWith('/') ? join(root, spec) : resolve(dirname(from), spec);
  const seen = new Set<string>();
  const dynamicImports = new Set<string>();
  const unresolved = new Set<string>();
  const page = readFileSync(html, 'utf8');
  const queue = HTML_REFS.flatMap((re) => matches(page, re))
    .filter(isLocal)
    .map((spec) => toFile(spec, html));
  const entries = new Set(
    matches(page, HTML_SCRIPT)
      .filter(isLocal)
      .map((s) => toFile(s, html)),
  );
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    if (!existsSync(file)) {
      unresolved.add(relative(root, file));
      continue;
    }
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const refs = file.endsWith('.css') ? matches(text, CSS_IMPORT) : matches(text, JS_STATIC);
    for (const spec of refs.filter(isLocal)) queue.push(toFile(spec, file));
    if (!file.endsWith('.js')) continue;
    for (const spec of matches(text, JS_DYNAMIC)) {
      if (entries.has(file) && isLocal(spec)) queue.push(toFile(spec, file));
      else dynamicImports.add(spec);
    }
  }
  const files = [...seen].sort().map((file): AssetSize => {
    const bytes = readFileSync(file);
    return {
      path: relative(root, file),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  });
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    dynamicImports: [...dynamicImports],
    unresolved: [...unresolved],
  };
}
