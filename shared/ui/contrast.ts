/**
 * WCAG 2.x contrast arithmetic, so colours taken from a host theme can be checked and, where they
 * fall short, moved towards black or white until they reach the ratio (text 4.5:1, graphics 3:1).
 */

export const TEXT_CONTRAST = 4.5;
export const GRAPHIC_CONTRAST = 3;

type Rgb = [number, number, number];

/** "#rgb", "#rrggbb", "rgb(r, g, b)"; null for anything else (system colours, names, gradients). */
export function parseColour(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return [short[1], short[2], short[3]].map((h) => parseInt(h + h, 16)) as Rgb;
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(text);
  if (long) return [long[1], long[2], long[3]].map((h) => parseInt(h, 16)) as Rgb;
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*[\d.]+\s*)?\)$/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])].map((n) => Math.min(255, n)) as Rgb;
  return null;
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((n) => Math.round(n).toString(16).padStart(2, "0")).join("")}`;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two colours (1 to 21); null when either is not a plain colour. */
export function contrastRatio(a: string, b: string): number | null {
  const x = parseColour(a);
  const y = parseColour(b);
  if (!x || !y) return null;
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (light + 0.05) / (dark + 0.05);
}

function mix(colour: Rgb, target: Rgb, amount: number): Rgb {
  return colour.map((c, i) => c + (target[i] - c) * amount) as Rgb;
}

/**
 * `colour` if it already has `ratio` against every one of `against`; otherwise the nearest shade
 * (mixed towards white on dark backgrounds, black on light ones) that has. Colours that cannot be
 * parsed (system colours in forced-colours mode) are returned as they are: the system chose them.
 */
export function ensureContrast(colour: string, against: string[], ratio: number): string {
  const start = parseColour(colour);
  const backgrounds = against.map(parseColour);
  if (!start || backgrounds.some((b) => b === null)) return colour;
  const enough = (c: Rgb) => against.every((b) => (contrastRatio(toHex(c), b) ?? 0) >= ratio);
  if (enough(start)) return colour;
  const darkest = Math.min(...(backgrounds as Rgb[]).map(luminance));
  const towards: Rgb = darkest < 0.2 ? [255, 255, 255] : [0, 0, 0];
  for (let step = 1; step <= 20; step += 1) {
    const candidate = mix(start, towards, step / 20);
    if (enough(candidate)) return toHex(candidate);
  }
  return toHex(towards);
}

/** Black or white, whichever reads better on `background` (for text on brand-coloured buttons). */
export function textOn(background: string): string {
  return (contrastRatio("#ffffff", background) ?? 21) >= (contrastRatio("#000000", background) ?? 0) ? "#ffffff" : "#000000";
}
