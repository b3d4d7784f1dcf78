/**
 * Text helpers for parsing. `fold` lowercases and strips accents **one character for one character**, so
 * positions found in the folded text are valid in the original.
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    out += base.length === ch.length ? base.toLowerCase() : ch.toLowerCase();
  }
  return out;
}

/** Replaces [start, end) with spaces, keeping every other position where it was. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** A piece of the text a reading used, [start, end). */
export type Cut = [start: number, end: number];

/** `blank` for every piece. */
export function blankAll(text: string, cuts: Cut[]): string {
  return cuts.reduce((out, [start, end]) => blank(out, start, end), text);
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
