import { useMemo } from 'preact/hooks';
import { drawQr, pageStorage } from './qr-drawing';

/**
 * The login QR, drawn here from its text (docs/protocol.md §3) — no image request to WeChat.
 * One SVG path of unit squares; crisp at any size. Black on white in the dark theme too:
 * phones' scanners expect dark modules on a light ground.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => drawQr(text, pageStorage()), [text]);
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
