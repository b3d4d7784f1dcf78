import { fold } from './parse/text.ts';

/** A task as the matcher sees it: its title, and the project and client it belongs to. */
export interface TaskCandidate {
  id: number;
  title: string;
  project?: string | undefined;
  client?: string | undefined;
}

interface ScoredTask<T extends TaskCandidate> {
  task: T;
  score: number;
}

export type TaskMatch<T extends TaskCandidate> =
  | { kind: 'clear'; task: T; exact: boolean }
  | { kind: 'several'; options: ScoredTask<T>[] }
  | { kind: 'none' };

/** Words of a query or a title looked at: task titles are short, and a longer query names no one task. */
const MAX_TOKENS = 16;
const MAX_TOKEN_CHARS = 40;

function tokens(text: string): string[] {
  return fold(text.slice(0, MAX_TOKENS * (MAX_TOKEN_CHARS + 1)))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS + 1)
    .map((t) => t.slice(0, MAX_TOKEN_CHARS));
}

/** The numbers in a text as written, "3.3" and "v2.1" as one each, "sprint13" as 13. */
function numbersIn(text: string): string[] {
  return [...text.slice(0, MAX_TOKENS * (MAX_TOKEN_CHARS + 1)).matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(',', '.'));
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early past `max`; three rows, no matrix. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}

/** Whether one letter changed, added, dropped, or two side by side swapped turn `a` into `b` (distance 1, in linear time). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** How well one typed word matches one word of a task: exact 1, prefix .9, typo .8/.6, inside a word .6. */
function wordScore(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 2 && word.startsWith(typed)) return 0.9;
  if (typed.length >= 4 && oneEditApart(typed, word)) return 0.8;
  // two typos in a long word; one of its first two letters right (a cheap test before the costly one)
  if (typed.length >= 7 && (typed[0] === word[0] || typed[1] === word[1]) && distance(typed, word, 2) <= 2) return 0.6;
  if (typed.length >= 3 && word.includes(typed)) return 0.6;
  return 0;
}

/**
 * How well each typed word matches `word` (`wordScore`), worked out once per word in a match: tasks share most of
 * their words (projects, clients, "Task", "sprint").
 */
function scorer(typed: string[]): (word: string) => number[] {
  const seen = new Map<string, number[]>();
  return (word) => {
    let scores = seen.get(word);
    if (!scores) seen.set(word, (scores = typed.map((t) => wordScore(t, word))));
    return scores;
  };
}

/** For each typed word, its best score among `words`. */
function best(typed: string[], words: string[], scoresOf: (word: string) => number[]): number[] {
  const top = typed.map(() => 0);
  for (const w of words) {
    const scores = scoresOf(w);
    for (let i = 0; i < top.length; i++) top[i] = Math.max(top[i] as number, scores[i] as number);
  }
  return top;
}

/** A score in [0, 1.2]: how much of what was typed is found in the task's title, project and client. */
function scoreTask(typed: string[], typedNumbers: string[], task: TaskCandidate, scoresOf: (word: string) => number[]): number {
  if (typed.length === 0) return 0;
  const title = tokens(task.title);
  const inTitle = best(typed, title, scoresOf);
  const inContext = best(typed, [...tokens(task.project ?? ''), ...tokens(task.client ?? '')], scoresOf);
  let total = 0;
  for (let i = 0; i < typed.length; i++) total += Math.max(inTitle[i] as number, (inContext[i] as number) * 0.9);
  let score = total / typed.length;
  // "QA sprint 13" is not "QA sprint 12", "Release 3.3" not "Release 3.2": a number typed that the task does not
  // carry never makes it a clear match.
  if (typedNumbers.length > 0) {
    const carried = new Set(numbersIn(`${task.title} ${task.project ?? ''} ${task.client ?? ''}`));
    if (typedNumbers.some((n) => !carried.has(n))) score = Math.min(score, CLEAR - MARGIN);
  }
  const foldedQuery = typed.join(' ');
  const foldedTitle = title.join(' ');
  if (foldedTitle === foldedQuery) score += 0.2;
  else if (foldedTitle.includes(foldedQuery)) score += 0.1;
  // A short query that names only a part of a long title is a weaker match than one that names most of it.
  score -= Math.max(0, title.length - typed.length) * 0.01;
  return score;
}

const CLEAR = 0.75;
const CANDIDATE = 0.5;
const MARGIN = 0.15;

/** One clear winner, a few candidates to choose from, or nothing that fits. */
export function matchTask<T extends TaskCandidate>(query: string, tasks: T[], limit = 5): TaskMatch<T> {
  const typed = tokens(query);
  if (typed.length > MAX_TOKENS) return { kind: 'none' };
  const scoresOf = scorer(typed);
  const typedNumbers = numbersIn(query);
  const ranked = tasks
    .map((task) => ({ task, score: scoreTask(typed, typedNumbers, task, scoresOf) }))
    .filter((s) => s.score >= CANDIDATE)
    .sort((a, b) => b.score - a.score || a.task.title.localeCompare(b.task.title));
  const [first, second] = ranked;
  if (!first) return { kind: 'none' };
  const exact = tokens(first.task.title).join(' ') === tokens(query).join(' ');
  if (exact && !(second && tokens(second.task.title).join(' ') === tokens(query).join(' '))) return { kind: 'clear', task: first.task, exact: true };
  if (first.score >= CLEAR && (!second || first.score - second.score >= MARGIN)) return { kind: 'clear', task: first.task, exact: false };
  return { kind: 'several', options: ranked.slice(0, limit) };
}
