/**
 * Captcha texts and their SVG pictures, for the embedded {@link MemoryAdapter}.
 *
 * The picture keeps casual scraping out, not a determined bot: each character is its own rotated, skewed
 * `<text>`, the characters are written in shuffled document order (their position comes from a
 * transform), and noise curves are drawn over them. The answer never appears as a contiguous string in
 * the source.
 */
import { randomBelow, randomBetween, shuffled, type RandomSource } from './random.js';

/**
 * Characters a person can tell apart in a rotated, noisy picture, when the check is case-sensitive.
 * Left out: look-alikes (0 O o Q D, 1 l I i j J, 5 S s, 2 Z z, 8 B, 6 G b, 9 g q) and letters whose
 * two cases share one shape and differ only in size (C K O P S U V W X Y Z), since the reader could not
 * know which case to type.
 */
export const CAPTCHA_ALPHABET = 'AEFHLMNRT' + 'adefhmnrty' + '2347';

const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
/** A pair that reads as another letter (`m`) when set side by side. */
const MISLEADING_PAIRS = /rn/;

/** A random captcha text of `min..max` characters with at least one capital and one small letter. */
export function captchaText(source: RandomSource, [min, max]: readonly [number, number]): string {
  const low = Math.max(1, Math.floor(Math.min(min, max)));
  const high = Math.max(low, Math.floor(Math.max(min, max)));
  const length = low + randomBelow(source, high - low + 1);
  for (;;) {
    let text = '';
    for (let i = 0; i < length; i++) text += CAPTCHA_ALPHABET[randomBelow(source, CAPTCHA_ALPHABET.length)];
    const mixed = length < 2 || (UPPER.test(text) && LOWER.test(text));
    if (mixed && !MISLEADING_PAIRS.test(text)) return text;
  }
}

/** Width and height of the picture, in CSS pixels. */
export const CAPTCHA_WIDTH = 160;
export const CAPTCHA_HEIGHT = 56;

const FONT = 'Verdana, DejaVu Sans, Segoe UI, Arial, Helvetica, sans-serif';

const n = (value: number): string => (Math.round(value * 10) / 10).toString();

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The SVG markup of `text` as a distorted picture, one glyph per character. */
export function captchaSvg(text: string, source: RandomSource): string {
  const w = CAPTCHA_WIDTH;
  const h = CAPTCHA_HEIGHT;
  const rnd = (min: number, max: number): number => randomBetween(source, min, max);
  const hue = rnd(0, 360);
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<rect width="${w}" height="${h}" fill="hsl(${n(hue)} 30% 95%)"/>`,
  );

  // Faint background arcs, under the glyphs.
  for (let i = 0; i < 3; i++) {
    parts.push(
      `<path d="M${n(rnd(-10, 20))} ${n(rnd(0, h))} Q${n(rnd(40, 120))} ${n(rnd(-20, h + 20))} ${n(rnd(w - 20, w + 10))} ${n(rnd(0, h))}" ` +
        `fill="none" stroke="hsl(${n(rnd(0, 360))} 35% 75%)" stroke-width="${n(rnd(1, 2.5))}"/>`,
    );
  }

  // Background dots.
  for (let i = 0; i < 36; i++) {
    parts.push(
      `<circle cx="${n(rnd(0, w))}" cy="${n(rnd(0, h))}" r="${n(rnd(0.6, 1.6))}" fill="hsl(${n(rnd(0, 360))} 40% 55%)" fill-opacity="0.55"/>`,
    );
  }

  // Glyphs: one <text> each, placed by transform, written in shuffled order.
  const padding = 9;
  const slot = (w - 2 * padding) / Math.max(text.length, 1);
  const glyphs = Array.from(text, (char, i) => {
    const x = padding + slot * (i + 0.5) + rnd(-1.5, 1.5);
    const y = h / 2 + 10 + rnd(-4, 4);
    const size = rnd(23, 27);
    const rotate = rnd(-18, 18);
    const skew = rnd(-8, 8);
    const colour = `hsl(${n((hue + 180 + rnd(-60, 60)) % 360)} 60% ${n(rnd(22, 34))}%)`;
    return (
      `<text transform="translate(${n(x)} ${n(y)}) rotate(${n(rotate)}) skewX(${n(skew)})" ` +
      `font-size="${n(size)}" fill="${colour}">${XML_ESCAPES[char] ?? char}</text>`
    );
  });
  parts.push(
    `<g font-family="${FONT}" font-weight="700" text-anchor="middle">`,
    ...shuffled(source, glyphs),
    '</g>',
  );

  // Noise curves over the glyphs: thin enough to read through.
  for (let i = 0; i < 2; i++) {
    parts.push(
      `<path d="M${n(rnd(-5, 15))} ${n(rnd(10, h - 10))} C${n(rnd(30, 70))} ${n(rnd(-10, h + 10))} ` +
        `${n(rnd(90, 130))} ${n(rnd(-10, h + 10))} ${n(rnd(w - 15, w + 5))} ${n(rnd(10, h - 10))}" ` +
        `fill="none" stroke="hsl(${n((hue + 180) % 360)} 45% 35%)" stroke-opacity="0.7" stroke-width="${n(rnd(1.2, 1.8))}"/>`,
    );
  }

  parts.push('</svg>');
  return parts.join('');
}

/** A `data:` URL for `svg` that an `<img>` can show. */
export function svgDataUrl(svg: string): string {
  // btoa takes Latin-1 only: go through UTF-8 bytes so any text survives.
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
