/** Text with the matched code points [start, end) in a <mark>; always text nodes, never HTML. */
export function Highlight({ text, start, end }: { text: string; start: number; end: number }) {
  const points = Array.from(text);
  if (start >= end) return <>{text}</>;
  return (
    <>
      {points.slice(0, start).join('')}
      <mark>{points.slice(start, end).join('')}</mark>
      {points.slice(end).join('')}
    </>
  );
}
