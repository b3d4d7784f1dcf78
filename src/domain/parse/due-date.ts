import { parseProjectDate } from './project-date.ts';
import { fold, squash } from './text.ts';

/** "by", "para el", "até": the words a message says its due date with (longest first), then up to four words. */
const DUE = /(?:^|[^\p{L}])(?:by|before|until|due|para el|para la|para|hasta el|hasta|antes del|antes de|ate a|ate o|ate)\s+((?:[\p{L}\d/-]+ ?){1,4})/gu;

/**
 * The due date a message says, from today on ("by Friday", "para el viernes", "até sexta", "by 24/12"): the first one
 * the project-date reader reads, after one of the words above. Undefined when it says none (nothing is guessed).
 */
export function dueDateIn(text: string, today: string): string | undefined {
  // Only the start of a long message is read (the readers slow down on long text).
  for (const match of squash(fold(text.slice(0, 2_000))).matchAll(DUE)) {
    const words = (match[1] ?? '').trim().split(' ');
    // The longest reading first: "by next friday" is not "by next".
    for (let n = words.length; n > 0; n--) {
      const date = parseProjectDate(words.slice(0, n).join(' '), today);
      if (date) return date;
    }
  }
  return undefined;
}
