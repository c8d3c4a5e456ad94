/** Cell formatting shared by the bench tables: a 40-wide label, then 11-wide columns. */
export const ms = (v: number): string => `${v.toFixed(0)} ms`;
export const kb = (v: number): string => `${(v / 1000).toFixed(1)} KB`;
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
export const row = (cells: readonly string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(40) : c.padStart(11))).join('');
export const list = (values: readonly number[]): string =>
  values.map((v) => v.toFixed(0)).join(', ');
