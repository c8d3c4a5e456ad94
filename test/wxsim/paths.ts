/** Where the simulator finds the recorded payloads (protocol.md §23). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** test/wxsim -> repo root. CI clones the repo elsewhere with `shared/` beside it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'wechat');
