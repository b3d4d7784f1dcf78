import { DEFAULT_TZ } from '../../domain/linking.ts';
import type { EntryNotifier, EntryOwner } from '../../domain/time-entries/model.ts';
import type { Clock } from '../../lib/clock.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { formatClock, formatDate, formatMinutes, type Message } from '../blocks.ts';
import { abandonedMessage, failedMessage } from '../entry-answers.ts';
import { laterAnswer } from '../respond.ts';
import type { SlackClients } from '../services.ts';

/** Tells people what became of entries that were queued: in place when it can, else by DM. */
export class SlackEntryNotifier implements EntryNotifier {
  readonly #clients: SlackClients;
  readonly #clock: Clock;
  constructor(clients: SlackClients, clock: Clock) {
    this.#clients = clients;
    this.#clock = clock;
  }

  async writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, corHourId: number): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    const minutes = Math.round((request.stop.getTime() - request.start.getTime()) / 60_000);
    const text = `✓ COR is back: your ${formatMinutes(minutes)} on task #${request.taskId} for ${formatDate(localParts(request.start, tz).date)} (${formatClock(request.start, tz)}–${formatClock(request.stop, tz)}) is now logged (entry ${corHourId}).`;
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
