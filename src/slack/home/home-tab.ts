import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Summary } from '../../domain/time-entries/model.ts';
import { cacheOptions, PER_PERSON_MAX } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import { type Language, languageOfLocale } from '../../lib/language.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { uploadChart } from '../files.ts';
import { zoneOf } from '../person.ts';
import type { AppHome, SlackServices } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { type HomeData, type HomeLanguage, linkedHome, weekChart, welcomeHome } from './blocks.ts';

/** Home is redrawn after a person's own changes only if they looked at it this recently. */
const VIEWER_TTL_MS = 24 * 3_600_000;
const MAX_VIEWERS = 50_000;

function keyOf(link: UserLinkRecord): string {
  return `${link.tenantKey}/${link.slackUserId}`;
}

/** A week chart uploaded to Slack: its file, for what it shows (`shows`: a digest of its numbers and words). */
interface UploadedChart {
  shows: string;
  fileId: string;
  altText: string;
}

/**
 * The App Home tab of each person: published when they open it, and redrawn after their own changes (a
 * write, a status change, a timer, their reminder settings) while they are likely to look at it again.
 */
export class HomeTab implements AppHome {
  /** who opened their Home lately, by `tenantKey/slackUserId` */
  readonly #seen: LRUCache<string, true>;
  /** redraws under way, by person: asked again meanwhile (`again`), one more follows it, never more */
  readonly #redrawing = new Map<string, { again: boolean }>();
  /** flows under way, by person (see redrawAfter): how many, and whether a redraw waits for the last to end */
  readonly #flows = new Map<string, { flows: number; asked: boolean }>();

  /**
   * The week chart last uploaded for each person, by `tenantKey/slackUserId`: Home opens often, and a chart is drawn
   * and uploaded again only when what it shows (the numbers, the days, the language) changed.
   */
  readonly #charts: LRUCache<string, UploadedChart>;

  constructor(clock: Clock) {
    this.#seen = new LRUCache(cacheOptions(clock, MAX_VIEWERS, VIEWER_TTL_MS));
    this.#charts = new LRUCache(cacheOptions(clock, PER_PERSON_MAX, VIEWER_TTL_MS));
  }

  async opened(services: SlackServices, client: WebClient, tenantKey: string, userId: string): Promise<void> {
    this.#seen.set(`${tenantKey}/${userId}`, true);
    await this.#publish(services, client, tenantKey, userId);
  }

  /**
   * After the person's own change; never fails the change it follows. Changes that come while their Home is being
   * redrawn make one more redraw after it, however many they are.
   */
  refresh(services: SlackServices, link: UserLinkRecord): void {
    const key = keyOf(link);
    if (!this.#seen.has(key)) return;
    const held = this.#flows.get(key);
    if (held) {
      held.asked = true; // redrawn once the person's flows under way end
      return;
    }
    const running = this.#redrawing.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.#redrawing.set(key, state);
    const run = async () => {
      try {
        do {
          state.again = false;
          try {
            await this.#publish(services, await services.clients.forTenant(link.tenantKey), link.tenantKey, link.slackUserId);
          } catch (err) {
            services.logger.warn({ err }, 'could not redraw App Home');
          }
        } while (state.again);
      } finally {
        this.#redrawing.delete(key);
      }
    };
    void services.work.track(run());
  }

  async redrawAfter<T>(services: SlackServices, link: UserLinkRecord, flow: () => Promise<T>, opts: { changed?: (result: T) => boolean; onHome?: boolean } = {}): Promise<T> {
    const key = keyOf(link);
    const held = this.#flows.get(key) ?? { flows: 0, asked: false };
    held.flows++;
    this.#flows.set(key, held);
    let changed = false;
    try {
      const result = await flow();
      changed = opts.changed?.(result) ?? true;
      return result;
    } finally {
      held.flows--;
      if (held.flows === 0) this.#flows.delete(key);
      if (opts.onHome) this.#seen.set(key, true);
      if (changed || held.asked) {
        if (held.flows === 0) this.refresh(services, link);
        else held.asked = true;
      }
    }
  }

  async #publish(services: SlackServices, client: WebClient, tenantKey: string, userId: string): Promise<void> {
    const link = await services.linking.findLink(tenantKey, userId);
    const language = await homeLanguage(services, tenantKey, userId, link);
    const t = textsIn(language.language);
    if (!link || link.state !== 'active') {
      // The consent button needs a fresh single-use state; without one the page still says how to link.
      const consentUrl = await services.linking.consentUrl(tenantKey, userId).catch(() => undefined);
      await client.views.publish({ user_id: userId, view: welcomeHome(t, language, consentUrl) });
      return;
    }
    const { tz } = await zoneOf(services, link);
    const api = services.linking.apiFor(link);
    const now = services.clock.now();
    const today = localParts(now, tz);
    const monday = addDays(today.date, 1 - today.weekday);
    // Each part on its own: COR trouble leaves that part empty (said so), never the whole page.
    const [week, tasks, timer, reminders, digests] = await Promise.all([
      services.entries.summary(link, tz, monday, addDays(monday, 6)).catch(() => undefined),
      services.tasks.openTasks(link, api).catch(() => undefined),
      services.timers.status(link, api).catch(() => undefined),
      services.reminders.settings(link),
      services.digests.forHome(link).catch(() => undefined),
    ]);
    const data: HomeData = { corName: link.corName, tz, now, week, tasks, reminders, timer: timer && { task: timer.task, startedAt: timer.timer.startedAt, minutes: timer.minutes }, digests, language };
    const key = keyOf(link);
    const drawn = week ? await this.#weekChart(services, client, key, t, week) : undefined;
    const chart = drawn?.chart;
    try {
      await client.views.publish({ user_id: userId, view: linkedHome(t, { ...data, chart }, services.corTaskUrl) });
      // The chart Home showed before is shown nowhere now: deleted (Home no longer shows it), once; a failure only logged.
      if (drawn?.superseded) await deleteChart(services, client, drawn.superseded);
    } catch (err) {
      if (!chart || slackFailureOf(err).error !== 'invalid_blocks') throw err;
      // Slack no longer shows that file (deleted meanwhile): Home goes out without it, and the next one uploads anew.
      services.logger.warn({ err }, 'App Home published without its week chart: Slack refused the file');
      this.#charts.delete(key);
      await client.views.publish({ user_id: userId, view: linkedHome(t, data, services.corTaskUrl) });
    }
  }

  /**
   * The week's chart as a file in Slack (shared nowhere: Home's image block shows it): the one uploaded last when it
   * shows the same, else drawn (tens of ms of CPU, ECharts loaded on the first one) and uploaded once, the one it
   * replaces `superseded` (deleted once Home shows the new one). Drawing or uploading failing leaves Home without the
   * chart (logged), never without Home.
   */
  async #weekChart(services: SlackServices, client: WebClient, key: string, t: Texts, week: Summary): Promise<{ chart: UploadedChart; superseded?: string } | undefined> {
    const { chart, altWords } = weekChart(t, week);
    const shows = createHash('sha256').update(JSON.stringify([t.language, chart.periods, chart.series, chart.target])).digest('base64url');
    const last = this.#charts.get(key);
    if (last?.shows === shows) return { chart: last };
    try {
      const uploaded = { shows, ...(await uploadChart(client, chart, altWords, { filename: 'week.png', ...(chart.title ? { title: chart.title } : {}) })) };
      this.#charts.set(key, uploaded);
      return { chart: uploaded, ...(last ? { superseded: last.fileId } : {}) };
    } catch (err) {
      services.logger.warn({ err, error: slackFailureOf(err).error }, 'App Home without its week chart: not drawn or not uploaded');
      return undefined;
    }
  }
}

/** A Home chart no longer shown: the bot's own file, deleted with one attempt; a failure is only logged (it stays in Slack, unseen). */
async function deleteChart(services: SlackServices, client: WebClient, fileId: string): Promise<void> {
  try {
    await client.files.delete({ file: fileId });
  } catch (err) {
    services.logger.warn({ err, error: slackFailureOf(err).error }, 'a superseded App Home chart was not deleted');
  }
}

/**
 * The language Home speaks and its setting shows: their choice, else their Slack language (which `auto` follows,
 * named in the setting either way). The store not answering leaves the workspace default.
 */
async function homeLanguage(services: SlackServices, tenantKey: string, userId: string, link: UserLinkRecord | undefined): Promise<HomeLanguage & { language: Language }> {
  const found = await services.languages.describe(tenantKey, userId, { link }).catch(() => undefined);
  if (!found) return { language: services.languages.defaultLanguage, chosen: undefined, slack: services.languages.defaultLanguage };
  if (!found.chosen) return { ...found, slack: found.language };
  const profile = link?.locale ? undefined : await services.directory.profile(tenantKey, userId).catch(() => undefined);
  return { ...found, slack: languageOfLocale(link?.locale ?? profile?.locale) ?? services.languages.defaultLanguage };
}
