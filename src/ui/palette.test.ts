import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The palette in base.css, pair by pair, in both schemes: WCAG 2.2 AA asks 4.5:1 for text
 * and 3:1 for controls, outlines and the focus ring. The tokens are read from the CSS itself,
 * so a colour changed there is checked here.
 */
const css = readFileSync(new URL('./base.css', import.meta.url), 'utf8');
const tokens = new Map(
  [...css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map((m) => [
    m[1] as string,
    { light: m[2] as string, dark: m[3] as string },
  ]),
);

/** Relative luminance (WCAG 2.2, "relative luminance"). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT = 4.5;
const NON_TEXT = 3;
/** [foreground, background, minimum]: every pair the pages draw. */
const PAIRS: readonly [string, string, number][] = [
  ['text', 'bg', TEXT],
  ['text', 'soft', TEXT],
  ['muted', 'bg', TEXT],
  ['muted', 'soft', TEXT],
  ['link', 'bg', TEXT],
  ['link', 'soft', TEXT],
  ['on-accent', 'accent', TEXT],
  ['on-accent', 'accent-hover', TEXT],
  ['accent', 'bg', NON_TEXT],
  ['focus', 'bg', NON_TEXT],
  ['focus', 'soft', NON_TEXT],
  ['info', 'bg', TEXT],
  ['info', 'info-bg', TEXT],
  ['ok', 'ok-bg', TEXT],
  ['ok', 'bg', TEXT],
  ['warn', 'warn-bg', TEXT],
  ['danger', 'bg', TEXT],
  ['on-unread', 'unread', TEXT],
  ['unread', 'bg', NON_TEXT],
];

describe('palette (base.css)', () => {
  it('has a light and a dark value for every token a pair uses', () => {
    for (const [fg, bg] of PAIRS) {
      expect(tokens.has(fg), fg).toBe(true);
      expect(tokens.has(bg), bg).toBe(true);
    }
  });

  it.each(['light', 'dark'] as const)('%s: every pair meets WCAG 2.2 AA', (scheme) => {
    const failing = PAIRS.map(([fg, bg, min]) => {
      const ratio = contrast(tokens.get(fg)?.[scheme] ?? '', tokens.get(bg)?.[scheme] ?? '');
      return { pair: `${fg} on ${bg}`, ratio: Math.round(ratio * 100) / 100, min };
    }).filter(({ ratio, min }) => ratio < min);
    expect(failing).toEqual([]);
  });

  it('computes the figures WCAG gives (white on the old WeChat green: 2.38)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#07c160')).toBeCloseTo(2.38, 2);
  });
});
