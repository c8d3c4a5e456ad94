/**
 * A build step that leaves Preact's `dangerouslySetInnerHTML` support out of our bundle.
 *
 * Why: it is the only `innerHTML` in the extension, and `web-ext lint` (addons-linter) rightly
 * flags it (UNSAFE_VAR_ASSIGNMENT). We never use `dangerouslySetInnerHTML` (a convention test,
 * test/conventions/no-inner-html.test.ts, keeps it that way): every server string is rendered as
 * text. So the code path is removed rather than explained.
 *
 * How: Preact's diff (dist/preact.module.js, minified) has two pieces that deal with it, in
 * diffElementNodes:
 *
 *   1. reading the prop:       "dangerouslySetInnerHTML"==s?h=y:
 *   2. applying it:            if(h)c||p&&(h.__html==p.__html||h.__html==u.innerHTML)||(u.innerHTML=h.__html),
 *                              t.__k=[];else if(p&&(u.innerHTML=""),<diffChildren(...)>,null!=e)...
 *
 * (1) becomes a throw, so a future use fails loudly instead of doing nothing; (2) keeps only the
 * else branch: `if(<diffChildren(...)>,null!=e)...`, which is what runs whenever the prop is absent.
 * The minifier's names differ between Preact releases, so both patterns capture them. If either
 * pattern stops matching, or any `innerHTML` is left in Preact or in the output, the build fails
 * and names this file: look at Preact's src/diff/index.js (diffElementNodes) and update the patterns.
 */
import type { Plugin } from 'vite';

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs)$/;

// (1) "dangerouslySetInnerHTML"==<key>?<newHtml>=<value>:
const READ_PROP = /"dangerouslySetInnerHTML"==(\w+)\?(\w+)=(\w+):(?=\1==?"value"|"value"==\1)/;
// (2) if(<newHtml>)<hydrating>||<oldHtml>&&(...)||(<dom>.innerHTML=<newHtml>.__html),<vnode>.__k=[];else if(<oldHtml>&&(<dom>.innerHTML=""),
const APPLY =
  /if\((\w+)\)(\w+)\|\|(\w+)&&\(\1\.__html==\3\.__html\|\|\1\.__html==(\w+)\.innerHTML\)\|\|\(\4\.innerHTML=\1\.__html\),\w+\.__k=\[\];else if\(\3&&\(\4\.innerHTML=""\),/;

const FAIL = 'scripts/preact-without-inner-html.ts: Preact changed shape';

/** The transform itself, exported for its unit test. Throws when a pattern does not apply. */
export function stripInnerHtml(code: string): string {
  if (!READ_PROP.test(code))
    throw new Error(`${FAIL}: the dangerouslySetInnerHTML prop read is not found`);
  if (!APPLY.test(code)) throw new Error(`${FAIL}: the innerHTML assignment block is not found`);
  const out = code
    .replace(
      READ_PROP,
      '"dangerouslySetInnerHTML"==$1?(()=>{throw Error("dangerouslySetInnerHTML is left out of this build (scripts/preact-without-inner-html.ts)")})():',
    )
    .replace(APPLY, 'if(');
  if (out.includes('innerHTML=') || out.includes('.innerHTML')) {
    throw new Error(`${FAIL}: innerHTML is still used after the transform`);
  }
  return out;
}

export function preactWithoutInnerHtml(): Plugin {
  let transformed = 0;
  return {
    name: 'preact-without-inner-html',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      transformed = 0;
    },
    transform(code, id) {
      if (!PREACT_DIST.test(id)) return null;
      transformed++;
      return { code: stripInnerHtml(code), map: null };
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const usesPreact = chunks.some((chunk) =>
        chunk.moduleIds.some((id) => /[\\/]preact[\\/]/.test(id)),
      );
      if (usesPreact && transformed === 0) {
        this.error(`${FAIL}: Preact was bundled from a file this step does not transform`);
      }
      for (const chunk of chunks) {
        if (chunk.code.includes('innerHTML')) this.error(`${chunk.fileName} contains innerHTML`);
      }
    },
  };
}
