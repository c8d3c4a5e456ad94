import { useState } from 'preact/hooks';

// Placeholder colours: each meets 4.5:1 against white text in both themes (placeholder letters).
const TONES = 6;

function tone(name: string): number {
  let hash = 0;
  for (const point of name) hash = (hash * 31 + (point.codePointAt(0) ?? 0)) >>> 0;
  return hash % TONES;
}

/**
 * A contact's avatar (docs/protocol.md §12): the data: URL the background fetched with the
 * session's cookies, or a placeholder with the name's first character on a colour of its own
 * when there is none yet, the reply was empty, or the image does not decode. Never a broken image.
 */
export function BookAvatar({ src, name }: { src: string | null | undefined; name: string }) {
  const [broken, setBroken] = useState<string | null>(null);
  if (src?.startsWith('data:image/') && broken !== src) {
    return (
      <img
        class="avatar book-avatar"
        src={src}
        alt=""
        width={32}
        height={32}
        onError={() => setBroken(src)}
      />
    );
  }
  const letter = Array.from(name.trim())[0] ?? '?';
  return (
    <span class="avatar book-avatar avatar-placeholder" data-tone={tone(name)} aria-hidden="true">
      {letter}
    </span>
  );
}
