/**
 * Sources of randomness for the embedded adapter.
 *
 * Two kinds: {@link cryptoRandom} (unguessable, `crypto.getRandomValues`) for ids, tokens and captcha
 * texts in real use, and {@link seededRandom} (mulberry32) for reproducible tests and demos. A seeded
 * source is predictable by design and must never guard anything real.
 */

/** Uniform 32-bit unsigned integers. */
export interface RandomSource {
  /** The next uniform integer in `[0, 2^32)`. */
  nextUint32(): number;
}

/** Letters and digits that survive a URL, an e-mail client and a copy-paste unchanged. */
export const URL_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic source (mulberry32). Same seed, same sequence. For tests and demos only. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    nextUint32(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

/** An unguessable source backed by `crypto.getRandomValues` (available in insecure contexts too). */
export function cryptoRandom(): RandomSource {
  const buffer = new Uint32Array(64);
  let next = buffer.length;
  return {
    nextUint32(): number {
      if (next === buffer.length) {
        crypto.getRandomValues(buffer);
        next = 0;
      }
      return buffer[next++];
    },
  };
}

/** A uniform float in `[0, 1)`. */
export function randomFloat(source: RandomSource): number {
  return source.nextUint32() / 0x1_0000_0000;
}

/** A uniform float in `[min, max)`. */
export function randomBetween(source: RandomSource, min: number, max: number): number {
  return min + randomFloat(source) * (max - min);
}

/** A uniform integer in `[0, n)`, without modulo bias (rejection sampling). `n` must be in `[1, 2^32]`. */
export function randomBelow(source: RandomSource, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`randomBelow: bad bound ${n}`);
  const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
  let value = source.nextUint32();
  while (value >= limit) value = source.nextUint32();
  return value % n;
}

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(source: RandomSource, length: number, alphabet: string = URL_SAFE_ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomBelow(source, alphabet.length)];
  return out;
}

/** Shuffles a copy of `items` (Fisher–Yates). */
export function shuffled<T>(source: RandomSource, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(source, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
