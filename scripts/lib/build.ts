import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../test/e2e/harness/paths';

/** `npm run build` (dist/chrome and dist/firefox); throws when it fails. */
export function build(): void {
  console.log('Building the extension (npm run build) …');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`npm run build failed (${result.signal ?? `exit ${String(result.status)}`})`);
}
