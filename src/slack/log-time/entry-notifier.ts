import type { PeopleLanguages } from '../../domain/languages.ts';
import { DEFAULT_TZ } from '../../domain/linking.ts';
import { type EntryNotifier, type EntryOwner, placeholderTask, waitsForRelink, type WrittenLater } from '../../domain/time-entries/model.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { Clock } from '../../lib/clock.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import type { LineDraft } from '../../domain/time-entries/lines.ts';
import { type Message, plain, section } from '../blocks.ts';
import { abandonedMessage, failedMessage, loggedMessage, minutesOf, waitingForLinkMessage, whenLine } from '../entry-answers.ts';
import { answerAt, answerPlaceOf } from '../respond.ts';
import { lineOutcomeMessage, rowStateOfRequest } from './line-blocks.ts';
import type { SlackClients } from '../services.ts';

interface NotifierDeps {
  taskUrl: (taskId: number) => string | undefined;
  /** a line and its entries so far (LogLines.progress) */
  lineProgress: (lineKey: string) => Promise<{ draft: LineDraft; requests: (TimeEntryRequestRecord | undefined)[] } | undefined>;
  /** each person's language */
  languages: PeopleLanguages;
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
    const t = await this.#textsOf(link);
    if (waitsForRelink(request)) return this.#tell(request, waitingForLinkMessage(t, { ...request, task: placeholderTask(request.taskId) }, tz));
    const text = t.t('log.queuedLater', { duration: t.minutes(minutesOf(request)), taskId: String(request.taskId), when: whenLine(t, request, tz) });
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
    const t = await this.#textsOf(link);
    const states = line.requests.map((r) => (r ? rowStateOfRequest(r) : { kind: 'failed' as const, reason: t.t('log.line.neverSent') }));
    const message = lineOutcomeMessage(t, line.draft.rows, states, line.draft.days, link.tz ?? DEFAULT_TZ, link);
    await this.#tell(first, message);
  }

  async writtenLater(link: UserLinkRecord, request: TimeEntryRequestRecord, written: WrittenLater): Promise<void> {
    const tz = link.tz ?? DEFAULT_TZ;
    const t = await this.#textsOf(link);
    if (written.firstTry) {
      // The end of its undo window: the usual "✓ Logged" with the day's total.
      await this.#tell(request, loggedMessage(t, written.entry, tz, written.total, this.#d.taskUrl(request.taskId)));
      return;
    }
    const said = {
      duration: t.minutes(minutesOf(request)),
      title: plain(written.entry.task.title),
      day: t.day(localParts(request.start, tz).date),
      from: t.clock(request.start, tz),
      to: t.clock(request.stop, tz),
      entry: String(written.entry.corHourId),
    };
    const text = waitsForRelink(request) ? t.t('log.later.relinked', said) : t.t('log.later.back', said);
    await this.#tell(request, { text, blocks: [section(text)] });
  }

  async failedForGood(link: UserLinkRecord, request: TimeEntryRequestRecord, reason: string): Promise<void> {
    const message = failedMessage(await this.#textsOf(link), request, link.tz ?? DEFAULT_TZ, reason, reason === 'unauthorized');
    await this.#tell(request, message);
  }

  async abandoned(person: EntryOwner, request: TimeEntryRequestRecord): Promise<void> {
    await this.#tell(request, abandonedMessage(await this.#textsOf(person), request, person.tz));
  }

  /** Their language (their choice, else their Slack language, else the workspace default). */
  async #textsOf(person: EntryOwner | UserLinkRecord): Promise<Texts> {
    const link = 'id' in person ? person : undefined;
    const language = await this.#d.languages.of(person.tenantKey, person.slackUserId, { link }).catch(() => this.#d.languages.defaultLanguage);
    return textsIn(language);
  }

  /** Where the answer about it is (kept with it): updated in place when it can be, else a DM. */
  async #tell(request: TimeEntryRequestRecord, message: Message): Promise<void> {
    await answerAt(this.#clients, this.#clock.now(), request, answerPlaceOf(request, request.createdAt))(message);
  }
}
