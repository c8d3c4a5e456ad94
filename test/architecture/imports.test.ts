/**
 * The import picture of src/ (docs/architecture.md "Layers"): no circle, type imports included.
 * eslint's import-x/no-cycle checks value imports as you type; a circle made of `import type`
 * is still two modules that cannot be read one without the other, so this test reads every
 * import, types too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((path) => files.has(path)) ?? null;
}

function importGraph(): Map<string, string[]> {
  const files = sources(SRC);
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(IMPORT)].flatMap(
        ([, spec]) => resolveImport(file, spec ?? '', known) ?? [],
      );
      return [file, [...new Set(targets)]];
    }),
  );
}

/** Every circle, each as the path that closes it (depth-first, colouring visited files). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
  return found;
}

describe('the import picture of src/', () => {
  const graph = importGraph();
  const name = (file: string) => relative(SRC, file);

  it('reads every module', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join(SRC, 'background/main.ts'))?.length).toBeGreaterThan(5);
  });

  it('has no circle, counting type imports', () => {
    expect(circles(graph).map((circle) => circle.map(name).join(' -> '))).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const made = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(circles(made)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('lets nothing outside src/wechat past its index', () => {
    const outside = [...graph].filter(([file]) => !name(file).startsWith('wechat/'));
    const past = outside.flatMap(([file, targets]) =>
      targets
        .map(name)
        .filter((target) => target.startsWith('wechat/') && target !== 'wechat/index.ts')
        .map((target) => `${name(file)} -> ${target}`),
    );
    expect(past).toEqual([]);
  });
});
