import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOutsideReferences } from './outside-paths';

const repoRoot = new URL('../../', import.meta.url);
const BINARY = /\.(png|jpe?g|gif|webp|ico|zip|xpi|woff2?)$/i;

function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && !BINARY.test(f) && f !== 'package-lock.json');
}

describe('the repository stands on its own', () => {
  it('no tracked file refers to a path outside the repository', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      findOutsideReferences(file, readFileSync(new URL(file, repoRoot), 'utf8')),
    );
    expect(found.map((r) => `${r.file}:${r.line}: ${r.why}: ${r.text}`)).toEqual([]);
  });
});

describe('findOutsideReferences', () => {
  const reasons = (file: string, text: string) =>
    findOutsideReferences(file, text).map((r) => r.why);
  // The samples are put together at run time, so this file does not trip its own scan.
  const up = (n: number) => '../'.repeat(n);
  const sharedFixture = `${up(3)}${['shared', 'fixtures', 'x.json'].join('/')}`;
  const machinePath = (...parts: string[]) => `/${parts.join('/')}`;

  it('flags a relative path that climbs out of the repository', () => {
    expect(reasons('test/e2e/a.ts', `readFileSync('${sharedFixture}')`)).toEqual([
      'the reference folder beside the checkout',
      `${sharedFixture} leaves the repository`,
    ]);
    expect(reasons('README.md', `see [the docs](${up(1)}docs/protocol.md)`)).toEqual([
      `${up(1)}docs/protocol.md leaves the repository`,
    ]);
    expect(reasons('src/a.ts', `new URL('${up(3)}', import.meta.url)`)).toEqual([
      `${up(3)} leaves the repository`,
    ]);
  });

  it('flags absolute paths into a machine and the shared reference folder', () => {
    const reference = machinePath('work', 'shared', 'docs', 'protocol.md');
    expect(reasons('a.ts', `const f = '${reference}';`)).toHaveLength(2);
    const notes = machinePath('home', 'me', 'notes.txt');
    expect(reasons('a.md', `copied from ${notes}`)).toEqual([`absolute path ${notes}`]);
    const windows = ['C:', 'Users', 'me'].join('\\');
    expect(reasons('a.md', windows)).toEqual([`absolute path ${windows}`]);
  });

  it('accepts paths that stay inside, URLs and system tools', () => {
    expect(reasons('test/e2e/harness/paths.ts', `new URL('${up(3)}', import.meta.url)`)).toEqual(
      [],
    );
    expect(reasons('src/wechat/a.test.ts', "import x from '../../test/support/wechat';")).toEqual(
      [],
    );
    expect(reasons('README.md', '[Protocol](docs/protocol.md) and [x](./LICENSE)')).toEqual([]);
    expect(
      reasons('a.ts', "spawn('/usr/bin/chromium'); fetch('https://wx.qq.com/cgi-bin/x')"),
    ).toEqual([]);
    expect(reasons('src/shared/a.ts', "import { x } from '../shared/storage';")).toEqual([]);
    // A lint rule names import specifiers as other files see them: not a path of its own.
    expect(reasons('eslint.config.js', `{ name: '${up(1)}wechat', message: 'x' },`)).toEqual([]);
  });
});
