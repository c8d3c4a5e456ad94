import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripInnerHtml } from '../../scripts/preact-without-inner-html';

// The build leaves Preact's dangerouslySetInnerHTML path out (scripts/preact-without-inner-html.ts),
// which is only honest while nothing of ours uses it: every server string is rendered as text.

const root = join(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('no HTML from strings', () => {
  it('src/ never uses dangerouslySetInnerHTML, innerHTML, outerHTML or insertAdjacentHTML', () => {
    const offenders = sources(join(root, 'src')).filter((file) =>
      /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the build step still applies to the installed Preact and leaves no innerHTML', () => {
    const require = createRequire(join(root, 'package.json'));
    const preactDir = join(require.resolve('preact/package.json'), '..');
    for (const file of ['dist/preact.module.js', 'dist/preact.mjs']) {
      const code = readFileSync(join(preactDir, file), 'utf8');
      expect(code).toContain('innerHTML');
      const out = stripInnerHtml(code);
      expect(out).not.toContain('innerHTML');
      expect(out).toContain('dangerouslySetInnerHTML is left out of this build');
    }
  });

  it('the build step fails loudly when Preact changes shape', () => {
    expect(() => stripInnerHtml('export const h = 1;')).toThrow(/Preact changed shape/);
  });
});
