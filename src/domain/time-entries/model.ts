import { CorError } from '../../cor/errors.ts';
import type { CorHour } from '../../cor/schemas.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { type TimeEntryRequestRecord, WAITS_FOR_RELINK } from '../../store/outbox.ts';
import type { TaskView } from '../tasks.ts';
import { entryHours } from './cor-times.ts';
import type { Bend } from './placement.ts';

/** What will be written: a task, a span, a note, and what had to be guessed to get there. */
export interface Proposal {
  task: TaskView;
  start: Date;
  stop: Date;
  /** the person's local date */
  date: string;
  note: string | undefined;
  /** what to confirm before writing: a task or day guessed, a span longer than a workday or oddly given, or bent to place it */
  guesses: ('task' | 'date' | 'span')[];
  /** what placing it bent (see placement.ts): the 'span' guess says why */
  bends?: Bend[];
  /** the day's total with this entry, when COR told us the day's entries */
  dayTotal?: DayTotal;
}

export type Resolution =
  | { kind: 'ready'; proposal: Proposal }
  | { kind: 'confirm'; proposal: Proposal }
  | { kind: 'choose'; options: TaskView[]; query: string; draft: Omit<Proposal, 'task'> & { minutes: number } }
  | { kind: 'no_task'; query: string | undefined }
  | { kind: 'task_not_found'; taskId: number };

export interface WrittenEntry {
  corHourId: number;
  task: TaskView;
  start: Date;
  stop: Date;
  note: string | undefined;
}

export interface DayTotal {
  /** hours logged that day, this entry included */
  logged: number;
  target: number;
}

export interface SummaryEntry {
  start: Date;
  stop: Date | undefined;
  hours: number;
  taskId: number;
  title: string;
  project: string | undefined;
  client: string | undefined;
}

export interface SummaryDay {
  date: string;
  target: number;
  /** why the target is not the usual one: not a workday, a leave, a half-day leave */
  targetNote: string | undefined;
  /** the leave behind the note, for saying it in the person's language */
  leave?: { name: string; wholeDay: boolean } | undefined;
  logged: number;
  entries: SummaryEntry[];
}

export interface SummaryTask {
  taskId: number;
  title: string;
  project: string | undefined;
  client: string | undefined;
  hours: number;
}

export interface Summary {
  days: SummaryDay[];
  tasks: SummaryTask[];
  logged: number;
  target: number;
}

export type WriteOutcome =
  | { kind: 'written'; entry: WrittenEntry; adopted: boolean }
  | { kind: 'queued'; request: TimeEntryRequestRecord; reason: string }
  /** waiting out its undo window in the outbox: written by the outbox worker at `writeAt`, unless undone first */
  | { kind: 'scheduled'; request: TimeEntryRequestRecord; writeAt: Date }
  | { kind: 'duplicate'; request: TimeEntryRequestRecord }
  | { kind: 'failed'; request: TimeEntryRequestRecord; reason: string; relink: boolean }
  /** the person unlinked while it was being written: not written (`cancelled`), or COR may have it (`unknown`) */
  | { kind: 'abandoned'; request: TimeEntryRequestRecord };

/** An entry the outbox wrote: `firstTry` when it was its first attempt (after its undo window), not a retry. */
export interface WrittenLater {
  entry: WrittenEntry;
  total: DayTotal | undefined;
  firstTry: boolean;
}

/** Messages about entries that finish later (after their undo window, or queued), worded by the Slack layer. */
export interface EntryNotifier {
  writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, written: WrittenLater): Promise<void>;
  /** its first try, after the undo window, found COR not answering (it waits for retries) or the link needing renewal (it waits for the re-link: see waitsForRelink) */
  queuedLater(link: UserLinkRecord, request: TimeEntryRequestRecord): Promise<void>;
  /** an entry of a line (see lines.ts) was written, refused or queued: the line's answer may show it now */
  lineProgress(link: UserLinkRecord, lineKey: string, firstTry: boolean): Promise<void>;
  failedForGood(link: UserLinkRecord, request: TimeEntryRequestRecord, reason: string): Promise<void>;
  /** the person unlinked before it could be written (see WriteOutcome 'abandoned'); `tz` null when unknown */
  abandoned(person: EntryOwner, request: TimeEntryRequestRecord): Promise<void>;
}

/** Who asked for an entry: enough to tell them, even after they unlinked. */
export type EntryOwner = Pick<UserLinkRecord, 'tenantKey' | 'slackUserId' | 'tz'>;

/** Hours of entries (their times read through CorTimes.read). */
export function hoursOf(entries: CorHour[]): number {
  return entries.reduce((sum, h) => sum + entryHours(h), 0);
}

/** A request that waits for its person to link again (COR refused their tokens for good): written once they do. */
export function waitsForRelink(r: Pick<TimeEntryRequestRecord, 'state' | 'lastError'>): boolean {
  return r.state === 'pending' && r.lastError === WAITS_FOR_RELINK;
}

/** COR trouble that passes: the entry waits in the outbox. */
export function isTransient(err: unknown): err is CorError {
  return err instanceof CorError && ['network', 'timeout', 'server', 'rate_limited', 'bad_response'].includes(err.code);
}

/** A task known only by its id (COR could not be asked for its name): its title is the id ("#48211"), the same in every language. */
export function placeholderTask(id: number): TaskView {
  return { id, title: `#${id}`, status: undefined, priority: undefined, deadline: undefined, projectId: undefined, project: undefined, client: undefined };
}

