import { encode } from 'uqr';
import { useMemo } from 'preact/hooks';

/**
 * The login QR, drawn here from its text (docs/protocol.md §3) — no image request to WeChat.
 * One SVG path of unit squares; crisp at any size. Black on white in the dark theme too:
 * phones' scanners expect dark modules on a light ground.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => {
    const qr = encode(text, { border: 2, ecc: 'M' });
    let d = '';
    qr.data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      }),
    );
    return { size: qr.size, path: d };
  }, [text]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      data-qr-text={text}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
