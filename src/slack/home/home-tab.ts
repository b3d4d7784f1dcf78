import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import { cacheOptions } from '../../lib/cache.ts';
import type { Clock } from '../../lib/clock.ts';
import { textsIn } from '../../i18n/texts.ts';
import { type Language, languageOfLocale } from '../../lib/language.ts';
import { addDays, localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { zoneOf } from '../person.ts';
import type { AppHome, SlackServices } from '../services.ts';
import { type HomeLanguage, linkedHome, welcomeHome } from './blocks.ts';

/** Home is redrawn after a person's own changes only if they looked at it this recently. */
const VIEWER_TTL_MS = 24 * 3_600_000;
const MAX_VIEWERS = 50_000;

function keyOf(link: UserLinkRecord): string {
  return `${link.tenantKey}/${link.slackUserId}`;
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

  constructor(clock: Clock) {
    this.#seen = new LRUCache(cacheOptions(clock, MAX_VIEWERS, VIEWER_TTL_MS));
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
    const view = linkedHome(
      t,
      { corName: link.corName, tz, now, week, tasks, reminders, timer: timer && { task: timer.task, startedAt: timer.timer.startedAt, minutes: timer.minutes }, digests, language },
      services.corTaskUrl,
    );
    await client.views.publish({ user_id: userId, view });
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
