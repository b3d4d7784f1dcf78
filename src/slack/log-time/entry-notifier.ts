import { DEFAULT_TZ } from '../../domain/linking.ts';
import type { EntryNotifier, EntryOwner, WrittenLater } from '../../domain/time-entries/model.ts';
import type { Clock } from '../../lib/clock.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { formatClock, formatDate, formatMinutes, type Message, plain } from '../blocks.ts';
import { abandonedMessage, failedMessage, loggedMessage } from '../entry-answers.ts';
import { laterAnswer } from '../respond.ts';
import type { SlackClients } from '../services.ts';

/**
 * Tells people what became of entries written later (after their undo window, or queued while COR was down): in
 * place of the answer that said "Logging…" when it can, else by DM.
 */
export class SlackEntryNotifier implements EntryNotifier {
  readonly #clients: SlackClients;
  readonly #clock: Clock;
  readonly #taskUrl: (taskId: number) => string | undefined;
  constructor(clients: SlackClients, clock: Clock, taskUrl: (taskId: number) => string | undefined = () => undefined) {
    this.#clients = clients;
    this.#clock = clock;
    this.#taskUrl = taskUrl;
  }

  async writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, written: WrittenLater): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    if (written.firstTry) {
      // The end of its undo window: the usual "✓ Logged" with the day's total.
      await this.#tell(link, request, loggedMessage(written.entry, tz, written.total, this.#taskUrl(request.taskId)));
      return;
    }
    const minutes = Math.round((request.stop.getTime() - request.start.getTime()) / 60_000);
    const text = `✓ COR is back: your ${formatMinutes(minutes)} on *${plain(written.entry.task.title)}* for ${formatDate(localParts(request.start, tz).date)} (${formatClock(request.start, tz)}–${formatClock(request.stop, tz)}) is now logged (entry ${written.entry.corHourId}).`;
    await this.#tell(link, request, { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
  }

  async failedForGood(link: UserLinkRecord, request: TimeEntryRequestRecord, reason: string): Promise<void> {
    const message = failedMessage(request, link.tz ?? DEFAULT_TZ, reason, reason === 'unauthorized');
    await this.#tell(link, request, message);
  }

  async abandoned(person: EntryOwner, request: TimeEntryRequestRecord): Promise<void> {
    await this.#tell(person, request, abandonedMessage(request, person.tz));
  }

  async #tell(person: EntryOwner, request: TimeEntryRequestRecord, message: Message): Promise<void> {
    await laterAnswer(this.#clients, this.#clock.now(), { tenantKey: person.tenantKey, slackUserId: person.slackUserId, responseUrl: request.responseUrl, since: request.createdAt })(message);
  }
}
