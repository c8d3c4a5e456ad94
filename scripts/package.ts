/**
 * `npm run package`: a clean build, then the two packages a person or a store takes:
 *
 *   release/<name>-<version>-chrome.zip    dist/chrome, for the Chrome Web Store (or unzip and
 *                                          "Load unpacked")
 *   release/<name>-<version>-firefox.xpi   dist/firefox, built by `web-ext build`, for
 *                                          addons.mozilla.org / `web-ext sign` / Firefox ESR
 *
 * Reproducible: the same sources and lockfile give the same bytes. Every entry is written in
 * sorted path order with one fixed date (SOURCE_DATE_EPOCH, or 2000-01-01T00:00:00Z), no
 * directory entries, no permissions and no extra fields. `web-ext build` alone cannot give that:
 * it zips through JSZip with the current time on every entry and in the order its asynchronous
 * reads finish. So the Firefox archive web-ext built is read back, checked to hold exactly the
 * files of dist/firefox with the same bytes, and written again the same way as Chrome's.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import pkg from '../package.json' with { type: 'json' };
import baseManifest from '../manifest.json' with { type: 'json' };

const FIXED_DATE = new Date(
  process.env.SOURCE_DATE_EPOCH
    ? Number(process.env.SOURCE_DATE_EPOCH) * 1000
    : Date.UTC(2000, 0, 1),
);

function sh(command: string, args: string[]): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Every file under `dir`, as forward-slash paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
      else throw new Error(`${path}: neither a file nor a directory`);
    }
  };
  walk(dir);
  return out.sort();
}

/** The same entries always give the same bytes. */
async function writeZip(entries: Map<string, Buffer>, to: string): Promise<void> {
  const zip = new JSZip();
  for (const name of [...entries.keys()].sort()) {
    zip.file(name, entries.get(name)!, { date: FIXED_DATE, createFolders: false, binary: true });
  }
  const bytes = await zip.generateAsync({
    type: 'nodebuffer',
    platform: 'DOS',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  writeFileSync(to, bytes);
}

function readTree(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** The entries of web-ext's archive, which must be exactly the files of `dir`. */
async function readWebExtBuild(archive: string, dir: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(archive));
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) entries.set(file.name, await file.async('nodebuffer'));
  }
  const onDisk = readTree(dir);
  const names = [...entries.keys()].sort();
  if (names.join('\n') !== [...onDisk.keys()].join('\n')) {
    throw new Error(`web-ext build packed other files than ${dir} holds: ${names.join(', ')}`);
  }
  for (const [name, bytes] of entries) {
    if (!bytes.equals(onDisk.get(name)!)) throw new Error(`web-ext build changed ${name}`);
  }
  return entries;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function main(): Promise<void> {
  if (pkg.version !== baseManifest.version) {
    throw new Error(`package.json ${pkg.version} and manifest.json ${baseManifest.version} differ`);
  }
  rmSync('dist', { recursive: true, force: true });
  sh('npm', ['run', 'build']);

  rmSync('release', { recursive: true, force: true });
  mkdirSync('release');
  const base = `release/${pkg.name}-${pkg.version}`;

  const chrome = `${base}-chrome.zip`;
  await writeZip(readTree('dist/chrome'), chrome);

  const scratch = mkdtempSync(join(tmpdir(), 'web-ext-build-'));
  try {
    sh('npx', [
      'web-ext',
      'build',
      '--source-dir',
      'dist/firefox',
      '--artifacts-dir',
      scratch,
      '--filename',
      'firefox.xpi',
      '--overwrite-dest',
      '--no-input',
    ]);
    const firefox = `${base}-firefox.xpi`;
    await writeZip(await readWebExtBuild(join(scratch, 'firefox.xpi'), 'dist/firefox'), firefox);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  for (const file of filesUnder('release')) {
    const path = `release/${file}`;
    console.log(`${path}  ${readFileSync(path).length} bytes  sha256 ${sha256(path)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
