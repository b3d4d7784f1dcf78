import { LRUCache } from 'lru-cache';
import type { CorApi, HourFilters } from '../../cor/client.ts';
import { CorError } from '../../cor/errors.ts';
import { AppError } from '../../errors.ts';
import type { CorHour, CorUser, CorWorkingTime } from '../../cor/schemas.ts';
import { cacheOptions, PER_PERSON_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { Logger } from '../../logger.ts';
import type { UserLinkRecord, UserLinkRepository } from '../../store/links.ts';
import type { ReminderRepository } from '../../store/reminders.ts';
import type { CompanyFacts } from '../company-facts.ts';
import type { LinkingService } from '../linking.ts';
import { fold } from '../parse/text.ts';
import { isLeadRole } from '../roles.ts';
import { dailyTarget, type TargetFacts } from '../targets.ts';
import { matchTask, type TaskCandidate } from '../task-match.ts';
import type { CorTimes } from '../time-entries/cor-times.ts';
import { buildReport, previousPeriod } from './build.ts';
import type { Report, ReportAsk, ReportOutcome } from './model.ts';

/** The hours of one report, kept this long: a Download CSV click right after the answer reads COR no more. */
const HOURS_TTL_MS = 60_000;
/** Entries kept in all the reports' hours at once (a report of more is read again when asked again). */
const HOURS_CACHE_ENTRIES = 50_000;
/** The projects and clients a person sees in COR, kept this long to match names against. */
const SCOPES_TTL_MS = 5 * 60_000;
/** Project and client names kept for all the askers at once (one who sees more is read again when asking again). */
const SCOPES_CACHE_NAMES = 200_000;

export interface ReportDeps {
  /** COR as the asker, and their COR role (asked as them) */
  linking: Pick<LinkingService, 'apiFor' | 'roleOf'>;
  /** the company's users (names, daily hours, leaves) and working times: the targets */
  company: Pick<CompanyFacts, 'users' | 'workingTimes'>;
  /** a person's own target and workdays (`/cor remind target`, `days`): part of the one target rule */
  settings: Pick<ReminderRepository, 'getSetting'>;
  /** the workspace's links: the listed people's own settings */
  links: Pick<UserLinkRepository, 'list'>;
  /** how each workspace's COR writes its times: every hours read goes through it */
  times: Pick<CorTimes, 'read'>;
  clock: Clock;
  logger: Logger;
  /** how much the caches hold (tests set small ones): COR's entries of all reports' hours, project and client names of all askers */
  cacheSizes?: { hours?: number; scopeNames?: number };
}

/** What names are matched against: the projects and clients the asker sees. */
interface Scopes {
  candidates: (TaskCandidate & { kind: 'project' | 'client' })[];
  clients: Map<number, string>;
}

const nameOf = (u: CorUser) => `${u.first_name} ${u.last_name}`.trim();

/**
 * Reports of hours: whose, on what, over which days, as whoever asks (their own COR token, so COR's visibility
 * applies). Everyone may see their own hours; others' need a lead's role in COR. One filtered read of COR's hours
 * per report (the period and the one before), kept a minute.
 */
export class ReportService {
  readonly #d: ReportDeps;
  readonly #hours: LRUCache<string, CorHour[], { api: CorApi; filters: HourFilters }>;
  readonly #scopes: LRUCache<string, Scopes, CorApi>;

  constructor(deps: ReportDeps) {
    this.#d = deps;
    this.#hours = new LRUCache({
      ...cacheOptions(deps.clock, PER_PERSON_MAX, HOURS_TTL_MS),
      maxSize: deps.cacheSizes?.hours ?? HOURS_CACHE_ENTRIES,
      sizeCalculation: (hours) => hours.length + 1,
      fetchMethod: (_key, _stale, { context }) => context.api.allHours(context.filters),
    });
    this.#scopes = new LRUCache({
      ...cacheOptions(deps.clock, PER_PERSON_MAX, SCOPES_TTL_MS),
      maxSize: deps.cacheSizes?.scopeNames ?? SCOPES_CACHE_NAMES,
      sizeCalculation: (scopes) => scopes.candidates.length + 1,
      fetchMethod: async (_linkId, _stale, { context: api }) => {
        const [projects, clients] = await Promise.all([api.allProjects({}), api.allClients()]);
        return {
          candidates: [...projects.map((p) => ({ kind: 'project' as const, id: p.id, title: p.name })), ...clients.map((c) => ({ kind: 'client' as const, id: c.id, title: c.name }))],
          clients: new Map(clients.map((c) => [c.id, c.name])),
        };
      },
    });
  }

  /**
   * The projects and clients the asker sees whose names hold the words (a form's type-ahead), at most `max`, from
   * what is already read: undefined when nothing is (Slack gives an options request 3 s; `warmScopes` reads them).
   */
  cachedScopeOptions(asker: UserLinkRecord, words: string, max: number): { kind: 'project' | 'client'; id: number; name: string }[] | undefined {
    const scopes = this.#scopes.get(asker.id);
    if (!scopes) return undefined;
    const folded = fold(words.trim());
    return scopes.candidates
      .filter((c) => fold(c.title).includes(folded))
      .slice(0, max)
      .map((c) => ({ kind: c.kind, id: c.id, name: c.title }));
  }

  /** Reads the projects and clients the asker sees, for the type-ahead's next keystroke. */
  async warmScopes(asker: UserLinkRecord): Promise<void> {
    await this.#scopes.fetch(asker.id, { context: this.#d.linking.apiFor(asker) });
  }

  async run(asker: UserLinkRecord, ask: ReportAsk): Promise<ReportOutcome> {
    try {
      return await this.#run(asker, ask);
    } catch (err) {
      if (err instanceof CorError && err.code === 'forbidden') return { ok: false, refusal: { kind: 'cor_refused' } };
      if (err instanceof AppError && err.code === 'too_many') return { ok: false, refusal: { kind: 'too_many_entries' } };
      throw err;
    }
  }

  async #run(asker: UserLinkRecord, ask: ReportAsk): Promise<ReportOutcome> {
    const people = ask.people;
    const ownOnly = people.kind === 'me' || (people.kind === 'people' && people.corUserIds.length > 0 && people.corUserIds.every((id) => id === asker.corUserId));
    if (!ownOnly && !isLeadRole(await this.#d.linking.roleOf(asker))) return { ok: false, refusal: { kind: 'not_lead' } };
    const api = this.#d.linking.apiFor(asker);

    let scope: Report['scope'];
    let scopes: Scopes | undefined;
    if (ask.scope.kind === 'project') scope = { kind: 'project', id: ask.scope.corProjectId, name: ask.scope.name };
    else if (ask.scope.kind === 'client') scope = { kind: 'client', id: ask.scope.corClientId, name: ask.scope.name };
    else if (ask.scope.kind === 'named') {
      scopes = await this.#scopes.forceFetch(asker.id, { context: api });
      const match = matchTask(ask.scope.words, scopes.candidates);
      if (match.kind === 'none') return { ok: false, refusal: { kind: 'no_such_scope', words: ask.scope.words } };
      if (match.kind === 'several') {
        const candidates = match.options.map((o) => ({ kind: o.task.kind, id: o.task.id, name: o.task.title }));
        return { ok: false, refusal: { kind: 'ambiguous_scope', words: ask.scope.words, candidates } };
      }
      scope = { kind: match.task.kind, id: match.task.id, name: match.task.title };
    }

    const userIds = people.kind === 'me' ? [asker.corUserId] : people.kind === 'people' ? [...new Set(people.corUserIds)] : undefined;
    const previous = previousPeriod(ask.period);
    // A day of margin each side: COR filters on its own reading of the dates; CorTimes reads them as this workspace's.
    const filters: HourFilters = {
      ...(userIds ? { users: userIds } : {}),
      ...(scope?.kind === 'project' ? { projects: [scope.id] } : scope?.kind === 'client' ? { clients: [scope.id] } : {}),
      dateStart: addDays(previous.from, -1),
      dateDeadline: addDays(ask.period.to, 1),
    };
    const [written, users, workingTimes] = await Promise.all([
      // No one listed: nobody's hours (an empty filter would be everyone's).
      userIds?.length === 0 ? Promise.resolve([]) : this.#hours.forceFetch(`${asker.id}|${JSON.stringify(filters)}`, { context: { api, filters } }),
      this.#d.company.users().catch((err: unknown) => this.#without(err, new Map<number, CorUser>())),
      // Only a target needs working times.
      userIds && ask.scope.kind === 'all' ? this.#d.company.workingTimes().catch((err: unknown) => this.#without(err, new Map<number, CorWorkingTime[]>())) : undefined,
    ]);
    const hours = this.#onlyOf(userIds, this.#d.times.read(written, asker.tenantKey, ask.tz));
    // An entry whose answer names no client: its name from the clients the asker sees.
    if (!scopes && hours.some((h) => !h.task?.project?.client?.name && (h.task?.project?.client_id ?? h.client_id))) scopes = await this.#scopes.forceFetch(asker.id, { context: api });
    const names = new Map([...users].map(([id, u]) => [id, nameOf(u)]));
    const daily = workingTimes && userIds ? await this.#target(asker, ask, userIds, users, workingTimes) : undefined;
    const report = buildReport({
      ask,
      scope,
      people: people.kind === 'me' ? [asker.corName] : (userIds ?? []).map((id) => (id === asker.corUserId ? asker.corName : names.get(id)) ?? `#${id}`),
      hours,
      clients: scopes?.clients ?? new Map(),
      users: names,
      targetHours: daily ? [...daily.values()].reduce((n, h) => n + h, 0) : undefined,
    });
    if (daily) {
      const { unit, buckets } = report.chart;
      const last = (bucket: string) => (unit === 'day' ? bucket : addDays(bucket, 6));
      report.chart.target = buckets.map((b) => [...daily].reduce((n, [date, h]) => (date >= b && date <= last(b) ? n + h : n), 0));
    }
    return { ok: true, report };
  }

  /** The people's daily targets summed per day, from the period's start to today (or its end, when it is over). */
  async #target(asker: UserLinkRecord, ask: ReportAsk, userIds: number[], users: Map<number, CorUser>, workingTimes: Map<number, CorWorkingTime[]>): Promise<Map<string, number>> {
    const today = localParts(this.#d.clock.now(), ask.tz).date;
    const last = ask.period.to < today ? ask.period.to : today;
    const linkIds = new Map<number, string>([[asker.corUserId, asker.id]]);
    if (userIds.some((id) => id !== asker.corUserId)) for (const l of await this.#d.links.list(asker.tenantKey)) if (!linkIds.has(l.corUserId)) linkIds.set(l.corUserId, l.id);
    const targets = await Promise.all(
      userIds.map(async (id) => {
        const linkId = linkIds.get(id);
        const own = linkId === undefined ? undefined : await this.#d.settings.getSetting(linkId);
        const user = users.get(id);
        const facts: TargetFacts = { ownHours: own?.targetHours ?? null, ownWeekdays: own?.weekdays, workingDays: workingTimes.get(id) ?? [], dailyHours: user?.daily_hours, leaves: user?.leaves ?? [] };
        const days: [string, number][] = [];
        for (let date = ask.period.from; date <= last; date = addDays(date, 1)) days.push([date, dailyTarget(date, ask.tz, facts).hours]);
        return days;
      }),
    );
    const daily = new Map<string, number>();
    for (const days of targets) for (const [date, hours] of days) daily.set(date, (daily.get(date) ?? 0) + hours);
    return daily;
  }

  /**
   * A report about some people counts their entries only, whatever COR answered to the `users` filter (an entry of
   * someone else, or of no one, is dropped, and that logged once per report).
   */
  #onlyOf(userIds: number[] | undefined, hours: CorHour[]): CorHour[] {
    if (!userIds) return hours;
    const wanted = new Set(userIds);
    const kept = hours.filter((h) => h.user_id !== undefined && h.user_id !== null && wanted.has(h.user_id));
    if (kept.length < hours.length) this.#d.logger.warn({ dropped: hours.length - kept.length, kept: kept.length }, 'COR answered hours of people the report is not about; they are not counted');
    return kept;
  }

  /** COR's company facts unavailable: names and targets fall back to what is known (logged). */
  #without<T>(err: unknown, fallback: T): T {
    this.#d.logger.warn({ err }, 'company facts unavailable for a report');
    return fallback;
  }
}
