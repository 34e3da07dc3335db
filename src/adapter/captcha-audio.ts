/**
 * The audio rendition of the embedded {@link MemoryAdapter}'s captcha (issue 19, WCAG 1.1.1): the code spoken
 * character by character, each letter with its case, "capital A, small d, three", as a `data:audio/wav` URL made in
 * the page, offline. English only: the words are recordings of eSpeak NG's en-us voice (captcha-audio-voice.ts, made
 * by scripts/make-captcha-voice.mjs); a Russian or Bulgarian page hears English letter names, which name the same
 * Latin letters the picture shows.
 *
 * This module and its words (16 kHz, about 100 kB gzip) load only when a person asks to hear a code, never with the captcha.
 * The sound carries no noise against speech recognition: the embedded adapter is for demos and tests; a real
 * server makes its own rendition.
 */
import { VOICE, VOICE_RATE } from './captcha-audio-voice.js';

/** The IMA ADPCM step sizes as the generator computes them (close to the standard table's). */
const STEPS = Array.from({ length: 89 }, (_, i) => Math.floor(7 * 1.1 ** i));
const INDEX_STEPS = [-1, -1, -1, -1, 2, 4, 6, 8];

/** Silences, in seconds: before and after the code, between a case word and its letter, between characters. */
const LEAD = 0.3;
const WITHIN = 0.06;
const BETWEEN = 0.55;

/** The words that speak `code`, one array per character; `undefined` when a character has no recording. */
export function spokenWords(code: string): string[][] | undefined {
  const words: string[][] = [];
  for (const c of code) {
    const upper = c.toUpperCase();
    if (!/^[A-Z0-9]$/.test(upper)) return undefined;
    words.push(c === upper ? (/\d/.test(c) ? [c] : ['capital', c]) : ['small', upper]);
  }
  return words.length ? words : undefined;
}

/** One recording, decoded from 4-bit IMA ADPCM to 16-bit samples. */
function decode(base64: string): Int16Array {
  const bytes = atob(base64);
  const out = new Int16Array(bytes.length * 2);
  let predicted = 0;
  let index = 0;
  for (let i = 0; i < out.length; i++) {
    const code = (bytes.charCodeAt(i >> 1) >> ((i & 1) * 4)) & 15;
    const step = STEPS[index];
    let delta = step >> 3;
    if (code & 4) delta += step;
    if (code & 2) delta += step >> 1;
    if (code & 1) delta += step >> 2;
    predicted = Math.max(-32768, Math.min(32767, predicted + (code & 8 ? -delta : delta)));
    index = Math.max(0, Math.min(88, index + INDEX_STEPS[code & 7]));
    out[i] = predicted;
  }
  return out;
}

/** `code` spoken, as a 16-bit mono PCM WAV file; `undefined` when it cannot be spoken. */
export function captchaWav(code: string): Uint8Array | undefined {
  const words = spokenWords(code);
  if (!words) return undefined;
  const gap = (s: number) => new Int16Array(Math.round(s * VOICE_RATE));
  const parts: Int16Array[] = [gap(LEAD)];
  words.forEach((character, i) => {
    if (i) parts.push(gap(BETWEEN));
    character.forEach((word, j) => {
      if (j) parts.push(gap(WITHIN));
      parts.push(decode(VOICE[word]));
    });
  });
  parts.push(gap(LEAD));
  const samples = parts.reduce((n, p) => n + p.length, 0);
  const wav = new Uint8Array(44 + samples * 2);
  const view = new DataView(wav.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); // the fmt chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, VOICE_RATE, true);
  view.setUint32(28, VOICE_RATE * 2, true); // bytes a second
  view.setUint16(32, 2, true); // bytes a frame
  view.setUint16(34, 16, true); // bits a sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  let at = 44;
  for (const part of parts) {
    for (const s of part) {
      view.setInt16(at, s, true);
      at += 2;
    }
  }
  return wav;
}

/** `code` spoken, as a `data:audio/wav;base64,` URL (nothing to revoke); `undefined` when it cannot be spoken. */
export function captchaAudioUrl(code: string): string | undefined {
  const wav = captchaWav(code);
  if (!wav) return undefined;
  let binary = '';
  for (let i = 0; i < wav.length; i += 0x8000) binary += String.fromCharCode(...wav.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(binary)}`;
}
