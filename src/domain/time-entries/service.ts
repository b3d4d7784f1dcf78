import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { ParsedLog } from '../parse/log-command.ts';
import type { LineResolution } from './lines.ts';
import type { DayTotal, Proposal, Resolution, Summary, WriteOutcome } from './model.ts';
import { EntryReader, type ReaderDeps } from './resolve.ts';
import { EntryWriter, type WriterDeps } from './writer.ts';

export type TimeEntryDeps = ReaderDeps & Omit<WriterDeps, 'dayTotal'>;

/**
 * Logging time, as the rest of the app sees it: reading a person's words into entries or questions (resolve.ts),
 * and writing them through the outbox once (writer.ts, which adopts an entry whose answer was lost: adopt.ts).
 * Placement is placement.ts. One object over both, so that callers hold one service.
 */
export class TimeEntryService {
  readonly #reader: EntryReader;
  readonly #writer: EntryWriter;

  constructor(deps: TimeEntryDeps) {
    this.#reader = new EntryReader(deps);
    this.#writer = new EntryWriter({ ...deps, dayTotal: (link, date, tz) => this.#reader.dayTotal(link, date, tz) });
  }

  /** See EntryReader.resolve. */
  resolve(link: UserLinkRecord, parsed: ParsedLog, tz: string, preferred?: { projectId: number; name: string }): Promise<Resolution> {
    return this.#reader.resolve(link, parsed, tz, preferred);
  }

  /** See EntryReader.resolveLine. */
  resolveLine(link: UserLinkRecord, lines: ParsedLog[], tz: string, preferred?: { projectId: number; name: string }): Promise<LineResolution> {
    return this.#reader.resolveLine(link, lines, tz, preferred);
  }

  summary(link: UserLinkRecord, tz: string, from: string, to: string): Promise<Summary> {
    return this.#reader.summary(link, tz, from, to);
  }

  dayTotal(link: UserLinkRecord, date: string, tz: string): Promise<DayTotal> {
    return this.#reader.dayTotal(link, date, tz);
  }

  /** See EntryWriter.submit. */
  submit(link: UserLinkRecord, proposal: Proposal, idempotencyKey: string, answerTo: string | undefined): Promise<WriteOutcome> {
    return this.#writer.submit(link, proposal, idempotencyKey, answerTo);
  }

  submitAll(link: UserLinkRecord, items: { proposal: Proposal; idempotencyKey: string; answerTo: string | undefined }[]): Promise<WriteOutcome[]> {
    return this.#writer.submitAll(link, items);
  }

  get undoWindowMs(): number {
    return this.#writer.undoWindowMs;
  }

  answerIn(requestIds: string[], answerTo: string): Promise<void> {
    return this.#writer.answerIn(requestIds, answerTo);
  }

  undo(link: UserLinkRecord, requestIds: string[]): Promise<{ undone: TimeEntryRequestRecord[]; kept: TimeEntryRequestRecord[] }> {
    return this.#writer.undo(link, requestIds);
  }

  /** The outbox worker's pass: see EntryWriter.drainDue. */
  drainDue(limit?: number, concurrency?: number): Promise<number> {
    return this.#writer.drainDue(limit, concurrency);
  }
}
