/**
 * Finds references from a tracked file to a path outside the repository: a fresh clone has
 * nothing beside it, so such a reference works only on the machine that wrote it.
 */
import path from 'node:path';

export interface OutsideReference {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

// Absolute paths into a particular machine's folders, and the reference folder that sits
// beside our own checkouts (but not beside anyone else's).
const MACHINE_PATH =
  /(?:^|[^\w.:/~-])(\/(?:work|home|root|Users|mnt|srv)\/[\w./-]*|[A-Z]:\\[\w.\\-]*)/;
const SHARED_FOLDER = /(?:^|[^\w-])shared\/(?:docs|fixtures|hooks)\b/;
// A relative path in quotes where a file is read or imported (import, new URL(), a read,
// path.resolve/join), or in a Markdown link. Quoted patterns elsewhere (lint rules naming
// import specifiers) are not paths of their own file.
const QUOTED_RELATIVE = /['"`](\.{1,2}\/[^'"`\s]*)['"`]/g;
const LINK_RELATIVE = /\]\((\.{1,2}\/[^)\s]*)\)/g;
const PATH_USE =
  /\bfrom\s|\bimport\(|\brequire\(|\bnew URL\(|\bread\w*\(|\b(?:resolve|join)\(|\bcd\s/;

/** Every outside reference in one file's text; `file` is relative to the repository root. */
export function findOutsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const dir = path.posix.dirname(file);
  text.split('\n').forEach((line, index) => {
    const report = (why: string) =>
      found.push({ file, line: index + 1, text: line.trim().slice(0, 160), why });
    const machine = MACHINE_PATH.exec(line);
    if (machine) report(`absolute path ${machine[1]}`);
    if (SHARED_FOLDER.test(line)) report('the reference folder beside the checkout');
    const relatives = [
      ...(PATH_USE.test(line) ? [...line.matchAll(QUOTED_RELATIVE)] : []),
      ...line.matchAll(LINK_RELATIVE),
    ].map((match) => match[1] ?? '');
    for (const relative of relatives) {
      const target = path.posix.normalize(path.posix.join(dir, relative));
      if (target === '..' || target.startsWith('../')) report(`${relative} leaves the repository`);
    }
  });
  return found;
}
