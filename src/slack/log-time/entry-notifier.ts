import { DEFAULT_TZ } from '../../domain/linking.ts';
import type { EntryNotifier, EntryOwner, WrittenLater } from '../../domain/time-entries/model.ts';
import type { Clock } from '../../lib/clock.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { LineDraft } from '../../domain/time-entries/lines.ts';
import { formatClock, formatDate, formatMinutes, type Message, plain, section } from '../blocks.ts';
import { abandonedMessage, failedMessage, loggedMessage, minutesOf, whenLine } from '../entry-answers.ts';
import { answerAbout } from '../respond.ts';
import { lineOutcomeMessage, rowStateOfRequest } from './line-blocks.ts';
import type { SlackClients } from '../services.ts';

interface NotifierDeps {
  taskUrl: (taskId: number) => string | undefined;
  /** a line and its entries so far (LogLines.progress) */
  lineProgress: (lineKey: string) => Promise<{ draft: LineDraft; requests: TimeEntryRequestRecord[] } | undefined>;
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
    const text = `COR is not answering right now, so your ${formatMinutes(minutesOf(request))} on task #${request.taskId} (${whenLine(request, tz)}) waits and will be written as soon as COR is back. I will tell you when it is done.`;
    await this.#tell(link, request, { text, blocks: [section(`⏳ ${text}`)] });
  }

  /** The line's answer, redrawn once none of its entries waits out its undo window any more (and again as queued ones land). */
  async lineProgress(link: UserLinkRecord, lineKey: string): Promise<void> {
    const line = await this.#d.lineProgress(lineKey);
    const first = line?.requests[0];
    if (!line || !first || line.requests.some((r) => r.state === 'pending' && r.attempts === 0)) return;
    const message = lineOutcomeMessage(line.draft.rows, line.requests.map(rowStateOfRequest), line.draft.days, link.tz ?? DEFAULT_TZ, link);
    await this.#tell(link, first, message);
  }

  async writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, written: WrittenLater): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    if (written.firstTry) {
      // The end of its undo window: the usual "✓ Logged" with the day's total.
      await this.#tell(link, request, loggedMessage(written.entry, tz, written.total, this.#d.taskUrl(request.taskId)));
      return;
    }
    const minutes = Math.round((request.stop.getTime() - request.start.getTime()) / 60_000);
    const text = `✓ COR is back: your ${formatMinutes(minutes)} on *${plain(written.entry.task.title)}* for ${formatDate(localParts(request.start, tz).date)} (${formatClock(request.start, tz)}–${formatClock(request.stop, tz)}) is now logged (entry ${written.entry.corHourId}).`;
    await this.#tell(link, request, { text, blocks: [section(text)] });
  }

  async failedForGood(link: UserLinkRecord, request: TimeEntryRequestRecord, reason: string): Promise<void> {
    const message = failedMessage(request, link.tz ?? DEFAULT_TZ, reason, reason === 'unauthorized');
    await this.#tell(link, request, message);
  }

  async abandoned(person: EntryOwner, request: TimeEntryRequestRecord): Promise<void> {
    await this.#tell(person, request, abandonedMessage(request, person.tz));
  }

  /** Where the answer about it is (see respond.ts answerAbout): updated in place when it can be, else a DM. */
  async #tell(_person: EntryOwner, request: TimeEntryRequestRecord, message: Message): Promise<void> {
    await answerAbout(this.#clients, this.#clock.now(), request)(message);
  }
}
