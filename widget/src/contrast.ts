// WCAG contrast for the themed colour (data-color): readable text on it, and a darkened variant
// usable as text/link colour on the light bubbles.

export type Rgb = [number, number, number];

export function parseColor(input: string | null | undefined): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((input ?? '').trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export const toHex = (c: Rgb) => '#' + c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** Darkens `c` step by step until it reaches `ratio` against `against`. */
export function darkenUntil(c: Rgb, against: Rgb, ratio = 4.5): Rgb {
  let out = c;
  for (let i = 0; i < 40 && contrast(out, against) < ratio; i++) out = out.map((v) => v * 0.92) as Rgb;
  return out;
}

export interface Theme { bg: string; fg: string; accent: string }

export const DEFAULT_COLOR = '#0b5a8a';
export const BUBBLE: Rgb = [240, 242, 245];

/** bg: the brand colour; fg: white or black, whichever reads on it (≥ 4.5:1); accent: links/focus on light surfaces. */
export function themeFor(color: string | null | undefined): Theme {
  const c = parseColor(color) ?? parseColor(DEFAULT_COLOR)!;
  const fg = contrast(c, WHITE) >= 4.5 ? WHITE : BLACK;
  return { bg: toHex(c), fg: toHex(fg), accent: toHex(darkenUntil(c, BUBBLE)) };
}
