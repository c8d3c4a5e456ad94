/**
 * Text folded for search: each code point through NFKC (full-width "Ｚ" is "Z", "ｚｓ" is
 * "zs") and lower case, with a map from every folded UTF-16 unit back to the code point it came
 * from, so a match is highlighted on the original text without splitting an emoji.
 */
export interface Folded {
  readonly text: string;
  /** For each UTF-16 unit of `text`: the index of its code point in `points`. */
  readonly from: readonly number[];
  /** The original text's code points. */
  readonly points: readonly string[];
}

// Printable ASCII folds to its lower case one for one: no per-character work needed.
const PLAIN = /^[\x20-\x7e]*$/;
const identity = (length: number): number[] => Array.from({ length }, (_, i) => i);

export function fold(original: string): Folded {
  if (PLAIN.test(original)) {
    return {
      text: original.toLowerCase(),
      from: identity(original.length),
      points: original.split(''),
    };
  }
  const points = Array.from(original);
  let text = '';
  const from: number[] = [];
  points.forEach((point, i) => {
    const folded = point.normalize('NFKC').toLowerCase();
    text += folded;
    for (let k = 0; k < folded.length; k++) from.push(i);
  });
  return { text, from, points };
}

/** The query folded the same way, spaces removed ("zhang san" finds "zhangsan"). */
export function foldQuery(query: string): string {
  return fold(query.trim()).text.replace(/\s+/g, '');
}
