import { DEFAULT_TZ } from '../../domain/linking.ts';
import { type EntryNotifier, type EntryOwner, placeholderTask, waitsForRelink, type WrittenLater } from '../../domain/time-entries/model.ts';
import type { Clock } from '../../lib/clock.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { LineDraft } from '../../domain/time-entries/lines.ts';
import { formatClock, formatDate, formatMinutes, type Message, plain, section } from '../blocks.ts';
import { abandonedMessage, failedMessage, loggedMessage, minutesOf, waitingForLinkMessage, whenLine } from '../entry-answers.ts';
import { answerAt, answerPlaceOf } from '../respond.ts';
import { lineOutcomeMessage, rowStateOfRequest } from './line-blocks.ts';
import type { SlackClients } from '../services.ts';

interface NotifierDeps {
  taskUrl: (taskId: number) => string | undefined;
  /** a line and its entries so far (LogLines.progress) */
  lineProgress: (lineKey: string) => Promise<{ draft: LineDraft; requests: (TimeEntryRequestRecord | undefined)[] } | undefined>;
}

/**
 * Tells people what became of entries written later (after their undo window, or queued while COR was down): in
 * place of the answer that said "Logging…" when it can, else by DM.
 */
export class SlackEntryNotifier implements EntryNotifier {
  readonly #clients: SlackClients;
  readonly #clock: Clock;
  readonly #d: NotifierDeps;
  constructor(clients: SlackClients, clock: Clock, deps: NotifierDeps) {
    this.#clients = clients;
    this.#clock = clock;
    this.#d = deps;
  }

  async queuedLater(link: UserLinkRecord, request: TimeEntryRequestRecord): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    if (waitsForRelink(request)) return this.#tell(request, waitingForLinkMessage({ ...request, task: placeholderTask(request.taskId) }, tz));
    const text = `COR is not answering right now, so your ${formatMinutes(minutesOf(request))} on task #${request.taskId} (${whenLine(request, tz)}) waits and will be written as soon as COR is back. I will tell you when it is done.`;
    await this.#tell(request, { text, blocks: [section(`⏳ ${text}`)] });
  }

  /**
   * The line's answer, redrawn once every entry is through its first attempt, then once more when the queued
   * ones are all done (a response_url takes five posts: one redraw per row would run out).
   */
  async lineProgress(link: UserLinkRecord, lineKey: string, firstTry: boolean): Promise<void> {
    const line = await this.#d.lineProgress(lineKey);
    const sent = line?.requests.filter((r): r is TimeEntryRequestRecord => r !== undefined) ?? [];
    const first = sent[0];
    if (!line || !first) return;
    const pending = sent.filter((r) => r.state === 'pending');
    if (pending.some((r) => r.lastError === null) || (!firstTry && pending.length > 0)) return;
    const states = line.requests.map((r) => (r ? rowStateOfRequest(r) : { kind: 'failed' as const, reason: 'never sent: log it again' }));
    const message = lineOutcomeMessage(line.draft.rows, states, line.draft.days, link.tz ?? DEFAULT_TZ, link);
    await this.#tell(first, message);
  }

  async writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, written: WrittenLater): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    if (written.firstTry) {
      // The end of its undo window: the usual "✓ Logged" with the day's total.
      await this.#tell(request, loggedMessage(written.entry, tz, written.total, this.#d.taskUrl(request.taskId)));
      return;
    }
    const minutes = Math.round((request.stop.getTime() - request.start.getTime()) / 60_000);
    const why = waitsForRelink(request) ? 'You linked again' : 'COR is back';
    const text = `✓ ${why}: your ${formatMinutes(minutes)} on *${plain(written.entry.task.title)}* for ${formatDate(localParts(request.start, tz).date)} (${formatClock(request.start, tz)}–${formatClock(request.stop, tz)}) is now logged (entry ${written.entry.corHourId}).`;
    await this.#tell(request, { text, blocks: [section(text)] });
  }

  async failedForGood(link: UserLinkRecord, request: TimeEntryRequestRecord, reason: string): Promise<void> {
    const message = failedMessage(request, link.tz ?? DEFAULT_TZ, reason, reason === 'unauthorized');
    await this.#tell(request, message);
  }

  async abandoned(person: EntryOwner, request: TimeEntryRequestRecord): Promise<void> {
    await this.#tell(request, abandonedMessage(request, person.tz));
  }

  /** Where the answer about it is (kept with it): updated in place when it can be, else a DM. */
  async #tell(request: TimeEntryRequestRecord, message: Message): Promise<void> {
    await answerAt(this.#clients, this.#clock.now(), request, answerPlaceOf(request, request.createdAt))(message);
  }
}
