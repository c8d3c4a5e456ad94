/**
 * Whether two plain-data values (what extension storage holds) are the same, whatever the order
 * of their keys. Chromium's storage hands objects back with their keys sorted, while a value
 * kept in memory has them in the order it was built, so comparing `JSON.stringify` output
 * tells two equal states apart. A key whose value is undefined counts as absent, as in storage.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameData(item, b[i]))
    );
  }
  const left = definedKeys(a);
  const right = definedKeys(b);
  return (
    left.length === right.length &&
    left.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

function definedKeys(value: object): string[] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}
