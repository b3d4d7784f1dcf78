import type { Clock } from '../lib/clock.ts';
import { addDays, localParts, zonedTimeToInstant } from '../lib/zoned.ts';
import type { UserLinkRecord } from '../store/links.ts';
import type { TimerRecord, TimerRepository } from '../store/timers.ts';
import { matchTask } from './task-match.ts';
import type { TaskDirectory, TaskView } from './tasks.ts';
import type { TimeEntryService } from './time-entries/service.ts';
import type { WriteOutcome } from './time-entries/model.ts';
import type { CorApi } from '../cor/client.ts';

export interface StoppedTimer {
  timer: TimerRecord;
  task: TaskView;
  /** one write per local day the timer ran through */
  outcomes: { start: Date; stop: Date; outcome: WriteOutcome }[];
  tooShort: boolean;
}

export type StartResult =
  | { kind: 'started'; timer: TimerRecord; task: TaskView; stoppedPrevious: StoppedTimer | undefined }
  | { kind: 'choose'; options: TaskView[] }
  | { kind: 'no_task'; query: string };

/** Shorter than this is a mis-click, not work. */
const MIN_MINUTES = 1;

/** Splits [start, stop) at the person's local midnights. */
export function splitAtMidnight(start: Date, stop: Date, tz: string): { start: Date; stop: Date }[] {
  const parts: { start: Date; stop: Date }[] = [];
  let from = start;
  while (from < stop) {
    const nextMidnight = zonedTimeToInstant(addDays(localParts(from, tz).date, 1), 0, 0, tz);
    const to = nextMidnight < stop ? nextMidnight : stop;
    parts.push({ start: from, stop: to });
    from = to;
  }
  return parts;
}

/**
 * Timers kept by the bot (COR documents no way to stop one of its own): one per person, in the store so they
 * survive restarts, written to COR as entries when stopped, split at local midnight.
 */
export class TimerService {
  readonly #timers: TimerRepository;
  readonly #tasks: TaskDirectory;
  readonly #entries: TimeEntryService;
  readonly #clock: Clock;

  constructor(deps: { timers: TimerRepository; tasks: TaskDirectory; entries: TimeEntryService; clock: Clock }) {
    this.#timers = deps.timers;
    this.#tasks = deps.tasks;
    this.#entries = deps.entries;
    this.#clock = deps.clock;
  }

  /**
   * Starts a timer at `at` (when it was asked), writing the one it replaces first: the old timer is only replaced
   * once its entries are in the outbox, so a crash in between loses nothing, and doing it again writes nothing twice.
   */
  async start(link: UserLinkRecord, api: CorApi, taskText: string, tz: string, at: Date = this.#clock.now()): Promise<StartResult> {
    const task = await this.#findTask(link, api, taskText);
    if (!('id' in task)) return task;
    const previous = await this.#timers.get(link.id);
    // Started already by this very request (done again after a crash), or by a later one: left as it is.
    if (previous && previous.startedAt.getTime() >= at.getTime()) return { kind: 'started', timer: previous, task: await this.#taskOf(link, api, previous), stoppedPrevious: undefined };
    const stoppedPrevious = previous ? await this.#write(link, api, previous, at, tz) : undefined;
    const timer: TimerRecord = { linkId: link.id, taskId: task.id, startedAt: at, note: null };
    await this.#timers.put(timer);
    return { kind: 'started', timer, task, stoppedPrevious };
  }

  /**
   * Stops the timer at `at` (when it was asked): its entries go to the outbox (keyed by the timer: a repeat writes
   * nothing twice), then it is removed, so a crash in between leaves it to be stopped again. A timer started after
   * `at` is not this request's to stop.
   */
  /** `answerTo`: where the answer is (as the Slack layer keeps it), to turn into "✓ Logged" once the entries are written. */
  async stop(link: UserLinkRecord, api: CorApi, tz: string, at: Date = this.#clock.now(), answerTo?: string): Promise<StoppedTimer | undefined> {
    const timer = await this.#timers.get(link.id);
    if (!timer || timer.startedAt.getTime() >= at.getTime()) return undefined;
    const stopped = await this.#write(link, api, timer, at, tz, answerTo);
    await this.#timers.remove(link.id, timer.startedAt);
    return stopped;
  }

  async status(link: UserLinkRecord, api: CorApi): Promise<{ timer: TimerRecord; task: TaskView; minutes: number } | undefined> {
    const timer = await this.#timers.get(link.id);
    if (!timer) return undefined;
    const task = await this.#taskOf(link, api, timer);
    return { timer, task, minutes: Math.floor((this.#clock.now().getTime() - timer.startedAt.getTime()) / 60_000) };
  }

  #taskOf(link: UserLinkRecord, api: CorApi, timer: TimerRecord): Promise<TaskView> {
    return this.#tasks.task(link, api, timer.taskId).catch(() => ({ id: timer.taskId, title: `#${timer.taskId}` }) as TaskView);
  }

  async #write(link: UserLinkRecord, api: CorApi, timer: TimerRecord, stop: Date, tz: string, answerTo?: string): Promise<StoppedTimer> {
    const task = await this.#taskOf(link, api, timer);
    const minutes = (stop.getTime() - timer.startedAt.getTime()) / 60_000;
    if (minutes < MIN_MINUTES) return { timer, task, outcomes: [], tooShort: true };
    const parts = splitAtMidnight(timer.startedAt, stop, tz);
    const kept = [...parts.entries()].filter(([, part]) => part.stop.getTime() - part.start.getTime() >= MIN_MINUTES * 60_000);
    // One write per day, in one flow. The key comes from the timer itself: stopping twice (or a retried stop) writes
    // once. One answer says how it went: the last part's (an earlier part's is told by DM).
    const written = await this.#entries.submitAll(
      link,
      kept.map(([i, part]) => ({
        proposal: { task, start: part.start, stop: part.stop, date: localParts(part.start, tz).date, note: timer.note ?? undefined, guesses: [] },
        idempotencyKey: `timer:${link.id}:${timer.startedAt.toISOString()}:${i}`,
        answerTo: i === parts.length - 1 ? answerTo : undefined,
      })),
    );
    const outcomes: StoppedTimer['outcomes'] = kept.map(([, part], k) => ({ ...part, outcome: written[k] as WriteOutcome }));
    return { timer, task, outcomes, tooShort: false };
  }

  async #findTask(link: UserLinkRecord, api: CorApi, text: string): Promise<TaskView | { kind: 'choose'; options: TaskView[] } | { kind: 'no_task'; query: string }> {
    const id = /^#?(\d{1,12})$/.exec(text.trim());
    if (id) return this.#tasks.task(link, api, Number(id[1]));
    const match = matchTask(text, await this.#tasks.openTasks(link, api));
    if (match.kind === 'clear') return match.task;
    if (match.kind === 'several') return { kind: 'choose', options: match.options.map((o) => o.task) };
    return { kind: 'no_task', query: text };
  }
}
