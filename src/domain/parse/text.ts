/**
 * Text helpers for parsing. `fold` lowercases and strips accents **one character for one character**, so
 * positions found in the folded text are valid in the original.
 */
export function fold(text: string): string {
  // most words are plain ASCII: nothing to strip
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD')[0] ?? ch;
    out += base.length === ch.length ? base.toLowerCase() : ch.toLowerCase();
  }
  return out;
}

/** Replaces [start, end) with spaces (or `fill`), keeping every other position where it was. */
export function blank(text: string, start: number, end: number, fill = ' '): string {
  return text.slice(0, start) + fill.repeat(end - start) + text.slice(end);
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

/** Longest text of one entry (after its note) that the readers are given; more is refused, never read. */
export const MAX_ENTRY_CHARS = 300;

const FRACTIONS: Record<string, string> = { '½': '.5', '¼': '.25', '¾': '.75' };

/**
 * What people type, made plain before anything reads it: every run of spaces (tabs, no-break spaces) becomes one
 * (the readers, chrono's above all, slow down on long runs), bullets and Markdown emphasis go ("• 2h QA", "_ayer_"),
 * vulgar fractions become decimals ("1½h"). New lines stay: they separate entries.
 */
export function plainWords(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .trim()
        // a bullet, or a list number "1." / "2)", at the start of a line (not "1.5h", not "-2h")
        .replace(/^(?:[•◦▪▫‣·∙●○*>–—-]|\d{1,2}[.)])\s+/u, '')
        // *2h*, _ayer_, ~old~: Slack's emphasis around words
        .replace(/(^|[\s(])([*_~]+)([^*_~\s](?:[^*_~]*[^*_~\s])?)\2(?=$|[\s).,;:!?])/gu, '$1$3')
        .replace(/(\d)\s*([½¼¾])/gu, (_m, d: string, f: string) => `${d}${FRACTIONS[f] ?? ''}`)
        .replace(/[½¼¾]/gu, (f) => `0${FRACTIONS[f] ?? ''}`),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * `text` with every run of white space made one space, and where each of its characters was in `text`: for
 * readers that must not see long runs (they backtrack on them) but report positions in the original.
 */
export function compact(text: string): { text: string; at: (i: number) => number } {
  let out = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch) && /\s/.test(text[i - 1] ?? '')) continue;
    out += /\s/.test(ch) ? ' ' : ch;
    from.push(i);
  }
  from.push(text.length);
  return { text: out, at: (i) => from[i] ?? text.length };
}
