/**
 * A round avatar from a data: URL the background fetched, or the name's first letter.
 * WeChat labels its 201 avatar `data:img/jpg` (docs/protocol.md §4); it is a JPEG.
 */
export function Avatar({
  src,
  name,
  size = 36,
}: {
  src: string | null | undefined;
  name: string;
  size?: number;
}) {
  const image = src?.replace(/^data:img\/jpg;/, 'data:image/jpeg;');
  const style = { width: `${size}px`, height: `${size}px` };
  if (image?.startsWith('data:image/')) {
    // Decoded off the frame, so a dashboard's avatars (real ones are JPEGs of ~4.5 KB) need not
    // hold up its first paint (npm run bench: reopen → dashboard); the round placeholder shows
    // meanwhile.
    return <img class="avatar" style={style} src={image} alt="" decoding="async" />;
  }
  const letter = Array.from(name.trim())[0] ?? '?';
  return (
    <span
      class="avatar avatar-letter"
      style={{ ...style, fontSize: `${Math.round(size / 2.2)}px` }}
      aria-hidden="true"
    >
      {letter}
    </span>
  );
}
