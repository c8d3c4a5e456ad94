/** Where the simulator finds the recorded payloads (docs/protocol.md §23). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** test/wxsim -> repo root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.resolve(repoRoot, 'test', 'fixtures', 'wechat');
