/**
 * WCAG 2.x colour maths (pure): relative luminance, contrast ratio, and a CIE76 ΔE to tell
 * series colours apart. Used by the palette's unit test and by e2e/themes.spec.ts on the colours
 * the charts really drew with.
 */

/** [r, g, b] in 0..255 from `#rgb`, `#rrggbb` or `rgb()/rgba()` text; null when it is none of them. */
export function parseColour(text: string): [number, number, number] | null {
  const s = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return [parseInt(short[1] + short[1], 16), parseInt(short[2] + short[2], 16), parseInt(short[3] + short[3], 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(s);
  if (long) return [parseInt(long[1], 16), parseInt(long[2], 16), parseInt(long[3], 16)];
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return null;
}

function channel(c: number): number {
  const v = c / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function rgbOf(colour: string): [number, number, number] {
  const rgb = parseColour(colour);
  if (!rgb) throw new Error(`Not a colour: ${colour}`);
  return rgb;
}

/** WCAG relative luminance (0 black … 1 white). */
export function luminance(colour: string): number {
  const [r, g, b] = rgbOf(colour).map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1..21 (text needs 4.5, graphics 3). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function lab(colour: string): [number, number, number] {
  const [r, g, b] = rgbOf(colour).map(channel);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 colour difference: about 2 is just noticeable, 15 and more is clearly another colour. */
export function deltaE(a: string, b: string): number {
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
