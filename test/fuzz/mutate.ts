/**
 * Mutations of recorded replies for the decoder fuzz test: text edits (insert, delete,
 * truncate, duplicate) with fragments that have broken parsers before, and, for JSON, values
 * swapped anywhere in the tree. Deterministic for a given fast-check seed.
 */
import fc from 'fast-check';

// Fragments worth splicing in: structure of each reply format, hostile URLs, numbers past
// 2^53, escapes, reserved names, and text the emoji and entity decoders treat specially.
const FRAGMENTS = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ';',
  '\n',
  '\\',
  '\u0000',
  '\ud800',
  '<',
  '>',
  '</',
  '/>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<![CDATA[x]]>',
  '<?xml ',
  '<__proto__>',
  '<__proto__>1</__proto__>',
  '<constructor>',
  '<constructor>x</constructor>',
  '<r/',
  '<?pi ',
  '<a>'.repeat(120) + '</a>'.repeat(120),
  '<pre>',
  '&lt;',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '__proto__',
  'constructor',
  'window.',
  'window.code=',
  'window.redirect_uri="',
  "window.userAvatar='",
  'javascript:alert(1)',
  'http://evil.example/',
  'https://evil.example/',
  '//evil.example/x',
  'data:text/html,<script>',
  '9007199254740993',
  '1e400',
  '-1',
  'NaN',
  'null',
  'true',
  '<span class="emoji emoji1f604"></span>',
  '<span class="emoji emoji',
  '<br/>',
  '@@',
  ':<br/>',
] as const;

export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'json'; readonly path: readonly number[]; readonly value: unknown }
  | { readonly kind: 'dropKey'; readonly path: readonly number[] };

const HOSTILE_VALUES = fc.constantFrom<unknown>(
  'javascript:alert(1)',
  'http://evil.example/a.jpg',
  'https://evil.example/a.jpg',
  '//evil.example/a',
  'data:text/html,x',
  '<img src=x onerror=alert(1)>',
  '',
  -1,
  2 ** 53 + 2,
  1e308,
  [],
  {},
  null,
  { __proto__: { polluted: true } },
);

const text = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }));
const position = fc.nat({ max: 1 << 20 });
const path = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.nat({ max: 64 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.nat({ max: 256 }),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    path,
    value: fc.oneof(HOSTILE_VALUES, fc.jsonValue({ maxDepth: 3 })),
  }),
  fc.record({ kind: fc.constant('dropKey' as const), path }),
);

type Json = unknown;

/** Follows `path` (each step an index modulo the node's size) and edits the node it ends at. */
function editJson(
  root: Json,
  route: readonly number[],
  edit: (parent: object, key: string) => void,
) {
  let node: Json = root;
  for (let i = 0; i < route.length; i++) {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[route[i]! % keys.length]!;
    const child: Json = (node as Record<string, Json>)[key];
    const last = i === route.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      edit(node, key);
      return;
    }
    node = child;
  }
}

function applyJson(body: string, m: Mutation & { kind: 'json' | 'dropKey' }): string {
  let root: Json;
  try {
    root = JSON.parse(body);
  } catch {
    return body; // not JSON: this mutation does not apply
  }
  editJson(root, m.path, (parent, key) => {
    if (m.kind === 'json') (parent as Record<string, unknown>)[key] = m.value;
    else delete (parent as Record<string, unknown>)[key];
  });
  return JSON.stringify(root);
}

export function applyMutation(body: string, m: Mutation): string {
  const at =
    body.length === 0
      ? 0
      : m.kind === 'json' || m.kind === 'dropKey'
        ? 0
        : m.at % (body.length + 1);
  switch (m.kind) {
    case 'insert':
      return body.slice(0, at) + m.text + body.slice(at);
    case 'delete':
      return body.slice(0, at) + body.slice(at + m.length);
    case 'truncate':
      return body.slice(0, at);
    case 'duplicate':
      return (
        body.slice(0, at + m.length) + body.slice(at, at + m.length) + body.slice(at + m.length)
      );
    case 'json':
    case 'dropKey':
      return applyJson(body, m);
  }
}

/** A seed picked from `seeds`, then one to four mutations applied in turn. */
export function mutatedReply(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([seed, mutations]) => mutations.reduce(applyMutation, seed));
}
