import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The two translations kept in step: every message exists in English and Simplified Chinese
// with the same placeholders and a note for translators, and every message is used. A key is
// used when manifest.json names it (__MSG_key__) or a source file under src/ (tests aside)
// holds it as a string literal; a plural form (key_one, key_other) when src/ asks
// tPlural('key', …).

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Message>;

const root = join(import.meta.dirname, '../..');
const load = (lang: string): Messages =>
  JSON.parse(
    readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Messages;
const en = load('en');
const zh = load('zh_CN');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const code = sources(join(root, 'src')).map((file) => readFileSync(file, 'utf8'));
const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLURAL = /^(\w+)_(?:zero|one|two|few|many|other)$/;
function isUsed(key: string): boolean {
  const plural = PLURAL.exec(key)?.[1];
  if (plural) return code.some((text) => text.includes(`tPlural('${plural}'`));
  return (
    manifest.includes(`__MSG_${key}__`) ||
    code.some((text) => new RegExp(`['"\`]${escape(key)}['"\`]`).test(text))
  );
}
const placeholdersIn = (m: Message) =>
  [...new Set([...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]?.toLowerCase()))]
    .filter((name) => name !== undefined)
    .sort();

describe('public/_locales', () => {
  it('en and zh_CN have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: a description, and the same declared placeholders', (key) => {
    for (const catalog of [en, zh]) {
      const message = catalog[key] as Message;
      expect(message.description?.length ?? 0).toBeGreaterThan(10);
      expect(placeholdersIn(message)).toEqual(Object.keys(message.placeholders ?? {}).sort());
    }
    expect(Object.keys(zh[key]?.placeholders ?? {}).sort()).toEqual(
      Object.keys(en[key]?.placeholders ?? {}).sort(),
    );
  });

  it('every key is used by src/ or manifest.json', () => {
    const unused = [...new Set([...Object.keys(en), ...Object.keys(zh)])].filter((k) => !isUsed(k));
    expect(unused).toEqual([]);
  });

  it('a plural message has its other form', () => {
    for (const key of Object.keys(en)) {
      const base = /^(\w+)_(?:zero|one|two|few|many)$/.exec(key)?.[1];
      if (base) expect(Object.keys(en)).toContain(`${base}_other`);
    }
  });

  it('the name and description say the extension is unofficial', () => {
    expect(en.extName?.message).toMatch(/unofficial/i);
    expect(en.extDescription?.message).toMatch(/unofficial/i);
    expect(zh.extName?.message).toContain('非官方');
    expect(zh.extDescription?.message).toContain('非官方');
    // Chrome Web Store limits: name 75, description 132 characters.
    for (const messages of [en, zh]) {
      expect(messages.extName?.message.length).toBeLessThanOrEqual(75);
      expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
    }
  });
});
