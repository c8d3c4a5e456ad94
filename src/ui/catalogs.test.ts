import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The two translations kept in step: same keys, same placeholders, a note for translators. */
interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
const root = new URL('../../', import.meta.url).pathname;
const load = (locale: string) =>
  JSON.parse(readFileSync(`${root}public/_locales/${locale}/messages.json`, 'utf8')) as Record<
    string,
    Message
  >;
const en = load('en');
const zh = load('zh_CN');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = [
  ...sources(`${root}src`).map((path) => readFileSync(path, 'utf8')),
  readFileSync(`${root}manifest.json`, 'utf8'),
].join('\n');

const placeholdersIn = (m: Message) =>
  [...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]?.toLowerCase()).sort();

describe('_locales', () => {
  it('English and Simplified Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: a description, and the same declared placeholders', (key) => {
    for (const catalog of [en, zh]) {
      const message = catalog[key] as Message;
      expect(message.description?.length ?? 0).toBeGreaterThan(10);
      expect([...new Set(placeholdersIn(message))]).toEqual(
        Object.keys(message.placeholders ?? {}).sort(),
      );
    }
    expect(Object.keys(zh[key]?.placeholders ?? {}).sort()).toEqual(
      Object.keys(en[key]?.placeholders ?? {}).sort(),
    );
  });

  it('every key is used by the code or the manifest', () => {
    const unused = Object.keys(en).filter((key) => {
      const plural = /^(\w+)_(?:zero|one|two|few|many|other)$/.exec(key)?.[1];
      if (plural) return !code.includes(`tPlural('${plural}'`);
      return !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`);
    });
    expect(unused).toEqual([]);
  });

  it('a plural message has its other form', () => {
    for (const key of Object.keys(en)) {
      const base = /^(\w+)_(?:zero|one|two|few|many)$/.exec(key)?.[1];
      if (base) expect(Object.keys(en)).toContain(`${base}_other`);
    }
  });
});
