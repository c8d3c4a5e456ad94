/**
 * The catalog key for a plural category: `key_<category>` when the catalog has it, else
 * `key_other` (every plural message has that form; Chinese needs no other).
 */
export function pluralKey(
  key: string,
  category: Intl.LDMLPluralRule,
  has: (name: string) => boolean,
): string {
  const exact = `${key}_${category}`;
  return category !== 'other' && has(exact) ? exact : `${key}_other`;
}
