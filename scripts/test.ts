/**
 * `npm test`: type-check, lint, unit + integration tests, build, `web-ext lint` of the Firefox
 * build, then the browser e2e tests. Ends with one line `N passed, N failed, N skipped` (what CI
 * reads): every vitest test counts once, and the type-check, lint, format check, build and
 * web-ext lint each count as one check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]): boolean {
  const ok = run(label, command, args);
  if (ok) total.passed++;
  else {
    total.failed++;
    failures.push(label);
  }
  return ok;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; message?: string }[];
}

function suite(label: string, config: string | null): void {
  mkdirSync('artifacts', { recursive: true });
  const out = `artifacts/${label}-results.json`;
  const args = [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
  if (config) args.push('--config', config);
  const ok = run(label, 'npx', args);
  if (!existsSync(out)) {
    total.failed++;
    failures.push(`${label} (no results written)`);
    return;
  }
  const json = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  total.passed += json.numPassedTests;
  total.failed += json.numFailedTests;
  total.skipped += json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no tests to count: count it as one failure.
  const brokenFiles = json.testResults.filter(
    (r) => r.status === 'failed' && !r.message?.includes('Test'),
  );
  if (json.numFailedTests === 0 && (json.numFailedTestSuites > 0 || !ok)) {
    total.failed += Math.max(1, brokenFiles.length);
    failures.push(`${label} (a test file failed to load)`);
  } else if (json.numFailedTests > 0) failures.push(label);
}

interface WebExtLintJson {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}
interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/**
 * addons-linter (what addons.mozilla.org runs on upload) over dist/firefox, offline. Passes only
 * with 0 errors and 0 warnings; notices are printed but do not fail.
 */
function webExtLint(): void {
  const label = 'web-ext lint';
  const args = [
    'web-ext',
    'lint',
    '--source-dir',
    'dist/firefox',
    '--output',
    'json',
    '--no-input',
  ];
  console.log(`\n=== ${label}: npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  let report: WebExtLintJson | null = null;
  try {
    report = JSON.parse(result.stdout) as WebExtLintJson;
  } catch {
    console.log(result.stdout, result.stderr);
  }
  if (report === null) {
    total.failed++;
    failures.push(`${label} (no JSON report)`);
    return;
  }
  const { errors, warnings, notices } = report.summary;
  console.log(`errors ${errors}, warnings ${warnings}, notices ${notices}`);
  for (const kind of ['errors', 'warnings', 'notices'] as const) {
    for (const m of report[kind]) console.log(`  ${kind}: ${m.code} ${m.file ?? ''} ${m.message}`);
  }
  if (errors === 0 && warnings === 0) total.passed++;
  else {
    total.failed++;
    failures.push(label);
  }
}

rmSync('artifacts/summary.txt', { force: true });
check('typecheck', 'npx', ['tsc', '-p', '.']);
check('lint', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.']);
suite('unit', null);
if (check('build', 'npm', ['run', 'build'])) {
  webExtLint();
  suite('e2e', 'vitest.e2e.config.ts');
} else failures.push('web-ext lint and e2e (skipped: build failed)');

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
const summary = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
mkdirSync('artifacts', { recursive: true });
writeFileSync('artifacts/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(total.failed === 0 ? 0 : 1);
