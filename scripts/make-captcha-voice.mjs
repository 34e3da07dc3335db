#!/usr/bin/env node
// Makes src/adapter/captcha-audio-voice.ts: the spoken words of the MemoryAdapter's audio captcha ("capital",
// "small", the English names of A–Z and 0–9), recorded once from eSpeak NG (Debian `espeak-ng`, voice en-us,
// 165 words a minute; eSpeak NG's GPL covers the program, not the sound it produces), resampled with `sox` to
// 16 kHz mono without dither (`-D`: a run remakes the same file), silence trimmed, each clip's peak set to 90 %, and
// stored as 4-bit IMA ADPCM in base64 (about 8 kB a second of speech). 16 kHz, not telephone's 8: the
// letters' names differ above 4 kHz (f, s, z, th); a speech recognizer, pocketsphinx with a letters-and-digits grammar,
// heard 42 of the 62 characters right at 16 kHz and 9 at 8 kHz.
// Run on a machine with espeak-ng and sox: `node scripts/make-captcha-voice.mjs`. The decoder is
// src/adapter/captcha-audio.ts; both use the step table `floor(7 * 1.1^i)`, i = 0..88, and the standard index steps.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RATE = 16000;
const WORDS = { capital: 'capital', small: 'small' };
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') WORDS[c] = c;
const STEPS = Array.from({ length: 89 }, (_, i) => Math.floor(7 * 1.1 ** i));
const INDEX = [-1, -1, -1, -1, 2, 4, 6, 8];

function encode(samples) {
  let predicted = 0;
  let index = 0;
  const out = new Uint8Array(Math.ceil(samples.length / 2));
  samples.forEach((s, i) => {
    const step = STEPS[index];
    let diff = s - predicted;
    let code = 0;
    if (diff < 0) {
      code = 8;
      diff = -diff;
    }
    // The standard IMA successive approximation; `delta` is what the decoder will add, so nothing drifts.
    let delta = step >> 3;
    if (diff >= step) {
      code |= 4;
      diff -= step;
      delta += step;
    }
    if (diff >= step >> 1) {
      code |= 2;
      diff -= step >> 1;
      delta += step >> 1;
    }
    if (diff >= step >> 2) {
      code |= 1;
      delta += step >> 2;
    }
    predicted = Math.max(-32768, Math.min(32767, predicted + (code & 8 ? -delta : delta)));
    index = Math.max(0, Math.min(88, index + INDEX[code & 7]));
    out[i >> 1] |= i & 1 ? code << 4 : code;
  });
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'voice-'));
const lines = [];
try {
  for (const [key, word] of Object.entries(WORDS)) {
    const raw = join(dir, 'raw.wav');
    const pcm = join(dir, 'clip.raw');
    execFileSync('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', raw, word]);
    execFileSync('sox', ['-D', raw, '-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', pcm,
      'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse']);
    const bytes = readFileSync(pcm);
    const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 1);
    const scaled = Array.from(samples, (s) => Math.round((s * 0.9 * 32767) / peak));
    lines.push(`  ${/^\w+$/.test(key) && !/^\d/.test(key) ? key : `'${key}'`}: '${Buffer.from(encode(scaled)).toString('base64')}',`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(
  process.argv[2] ?? new URL('../src/adapter/captcha-audio-voice.ts', import.meta.url),
  `/**
 * The words of the MemoryAdapter's audio captcha, made by scripts/make-captcha-voice.mjs (eSpeak NG, en-us): "capital",
 * "small", and the English names of A–Z and 0–9, each 16 kHz mono 4-bit IMA ADPCM (see captcha-audio.ts) in base64.
 * Generated: do not edit. Loaded only when a person asks to hear a code.
 */
export const VOICE_RATE = ${RATE};

export const VOICE: Readonly<Record<string, string>> = {
${lines.join('\n')}
};
`,
);
