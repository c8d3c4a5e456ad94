import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distChrome } from '../../test/e2e/harness/paths';

/**
 * A copy of dist/chrome in a temporary folder, with `files` (path → content) written into it:
 * how the bench measures a floor, a build with one part swapped for the least it could be.
 * `removeBuildCopy` deletes it.
 */
export function buildCopy(files: Readonly<Record<string, string>>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wechat-bench-copy-')), 'chrome');
  cpSync(distChrome, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}

export function removeBuildCopy(dir: string): void {
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
