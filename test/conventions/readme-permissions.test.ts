import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, type Browser } from '../../scripts/manifest';

// README's "Permissions, and why" table must list exactly what the built manifests ask for.
// The manifests come from scripts/manifest.ts, the function vite.config.ts hands to the build,
// so this runs without a build and cannot pass on a stale dist/.

interface Row {
  permissions: string[];
  optional: boolean;
}

/** The rows of the first table after the "## Permissions" heading. */
function readmeTable(): Row[] {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.search(/^## Permissions\b/m);
  if (start < 0) throw new Error('README.md has no "## Permissions" section');
  const section = readme.slice(start).split(/^## /m)[1] ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  if (lines.length < 3) throw new Error('README.md "## Permissions" section has no table');
  const header = lines[0]!.split('|').map((cell) => cell.trim().toLowerCase());
  const asked = header.indexOf('asked');
  if (header[1] !== 'permission' || asked < 0) {
    throw new Error('README.md permission table: expected columns "permission" and "asked"');
  }
  return lines.slice(2).map((line) => {
    const cells = line.split('|');
    return {
      permissions: [...(cells[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      optional: /^optional\b/i.test((cells[asked] ?? '').trim()),
    };
  });
}

const sorted = (list: string[]) => [...list].sort();

describe('README permission table', () => {
  const rows = readmeTable();
  const listed = rows.flatMap((row) => row.permissions);

  it('names each permission once', () => {
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((p, i) => listed.indexOf(p) !== i)).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as Browser[])('matches the %s manifest exactly', (browser) => {
    const manifest = manifestFor(browser);
    const required = rows.filter((row) => !row.optional).flatMap((row) => row.permissions);
    const optional = rows.filter((row) => row.optional).flatMap((row) => row.permissions);
    expect({
      permissions: sorted(required.filter((p) => !p.includes('://'))),
      host_permissions: sorted(required.filter((p) => p.includes('://'))),
      optional_permissions: sorted(optional),
    }).toEqual({
      permissions: sorted(manifest.permissions),
      host_permissions: sorted(manifest.host_permissions),
      optional_permissions: sorted(manifest.optional_permissions ?? []),
    });
  });
});
