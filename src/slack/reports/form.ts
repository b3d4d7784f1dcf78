import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { MAX_DAYS, type ReportQuery, type ReportWho, readReportWords } from '../../domain/parse/report-words.ts';
import type { ReportAsk } from '../../domain/reports/model.ts';
import { localParts } from '../../lib/zoned.ts';
import type { Message } from '../blocks.ts';
import { REPORT_MODAL_BLOCKS as B } from '../ids.ts';
import { parseJsonText, tenantOfInteraction } from '../payloads.ts';
import { textsFor, textsOfLink, withLinkOrCard, zoneOf } from '../person.ts';
import { afterAck, answerAt, DM } from '../respond.ts';
import type { SlackServices } from '../services.ts';
import { words } from './blocks.ts';
import { answerAsk, resolveQuery } from './run.ts';

const selected = z.object({ selected_option: z.object({ value: z.string().min(1) }).nullish() });
const stateSchema = z.object({
  [B.who]: z.object({ [B.whoAction]: z.object({ selected_option: z.object({ value: z.enum(['me', 'people', 'group', 'everyone']) }).nullish() }) }),
  [B.people]: z.object({ [B.peopleAction]: z.object({ selected_users: z.array(z.string()).nullish() }) }),
  [B.group]: z.object({ [B.groupAction]: selected }),
  [B.scope]: z.object({ [B.scopeAction]: selected }),
  [B.period]: z.object({ [B.periodAction]: z.object({ selected_option: z.object({ value: z.enum(['thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'dates']) }).nullish() }) }),
  [B.from]: z.object({ [B.fromAction]: z.object({ selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish() }) }),
  [B.to]: z.object({ [B.toAction]: z.object({ selected_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullish() }) }),
  [B.groupBy]: z.object({ [B.groupByAction]: z.object({ selected_option: z.object({ value: z.enum(['project', 'person', 'task', 'day']) }).nullish() }) }),
});
/** A project or client picked in the type-ahead: kind, id and name (the name is what the report says). */
const scopeValueSchema = z.object({ k: z.enum(['p', 'c']), i: z.number().int().positive(), n: z.string() });

/** The period options in the words the reader reads: the same days as typed words give. */
const PERIOD_WORDS = { thisWeek: 'this week', lastWeek: 'last week', thisMonth: 'this month', lastMonth: 'last month' } as const;

/** The report form sent: mistakes back on their field; else acked, and the report answered in the DM with the bot. */
export function reportSubmission(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const tenantKey = tenantOfInteraction(body);
    const userId = body.user.id;
    const t = await textsFor(services, tenantKey, userId, { askSlack: false });
    const state = stateSchema.safeParse(view.state.values);
    if (!state.success) return void (await ack({ response_action: 'errors', errors: { [B.who]: t.t('error.incompleteRequest') } }));
    const v = state.data;
    const who = v[B.who][B.whoAction].selected_option?.value ?? 'me';
    const people = v[B.people][B.peopleAction].selected_users ?? [];
    const group = v[B.group][B.groupAction].selected_option?.value;
    const period = v[B.period][B.periodAction].selected_option?.value ?? 'thisWeek';
    const from = v[B.from][B.fromAction].selected_date ?? undefined;
    const to = v[B.to][B.toAction].selected_date ?? undefined;
    const errors: Record<string, string> = {};
    if (who === 'people' && people.length === 0) errors[B.people] = t.t('reports.form.needPeople');
    if (who === 'group' && !group) errors[B.group] = t.t('reports.form.needGroup');
    if (period === 'dates' && (!from || !to)) errors[B.to] = t.t('reports.form.needDates');
    else if (period === 'dates' && from && to && (to < from || (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_DAYS)) errors[B.to] = t.t('reports.form.badDates');
    if (Object.keys(errors).length > 0) return void (await ack({ response_action: 'errors', errors }));
    await ack();

    const scope = scopeValueSchema.safeParse(parseJsonText(v[B.scope][B.scopeAction].selected_option?.value));
    const groupBy = v[B.groupBy][B.groupByAction].selected_option?.value;
    const dm = answerAt(services.clients, services.clock.now(), { tenantKey, slackUserId: userId }, DM);
    const respond = (m: Message) => dm(m);
    await afterAck(
      services,
      { tenantKey, slackUserId: userId },
      () =>
        withLinkOrCard(services, dm, { tenantKey, userId }, async (link) => {
          const lt = await textsOfLink(services, link);
          const { tz } = await zoneOf(services, link);
          const today = localParts(services.clock.now(), tz).date;
          const reportPeriod = period === 'dates' ? { from: from ?? today, to: to ?? today, unit: 'range' as const } : periodOf(period, today);
          if (!reportPeriod || reportPeriod.from > today) return void (await respond(words(lt.t('reports.form.badDates'))));
          if (reportPeriod.to > today) reportPeriod.to = today;
          const whoRead: ReportWho = who === 'people' ? { kind: 'people', slackUserIds: people } : who === 'group' ? { kind: 'group', words: group ?? '' } : { kind: who };
          const query: ReportQuery = { who: whoRead, scope: { kind: 'all' }, period: reportPeriod, groupBy };
          const resolved = await resolveQuery(services, link, lt, query, tz, { mine: true });
          if (!resolved.ok) return void (await respond(resolved.message));
          const ask: ReportAsk = scope.success
            ? { ...resolved.ask, scope: scope.data.k === 'p' ? { kind: 'project', corProjectId: scope.data.i, name: scope.data.n } : { kind: 'client', corClientId: scope.data.i, name: scope.data.n } }
            : resolved.ask;
          // Answered in the DM with the bot: nothing to share to from there.
          await answerAsk(services, link, { ...resolved, ask }, {}, respond);
        }),
      (text) => dm({ text }),
    );
  };
}

/** A period of the form's list, as the words for it read. */
function periodOf(period: keyof typeof PERIOD_WORDS, today: string): { from: string; to: string; unit: 'day' | 'week' | 'month' | 'range' } | undefined {
  const read = readReportWords(PERIOD_WORDS[period], { today });
  return read.ok ? { ...read.query.period } : undefined;
}

/**
 * The form's project or client type-ahead: those the person sees in COR whose names hold the words, answered from
 * what is already read, never waiting on COR; a cold cache is filled in the background for the next keystroke.
 */
export function scopeOptions(services: SlackServices) {
  return async ({ ack, body, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const link = await services.linking.findLink(tenantOfInteraction(body), body.user.id).catch(() => undefined);
    if (!link || link.state !== 'active') return void (await ack({ options: [] }));
    const t = await textsOfLink(services, link);
    const cached = services.reports.cachedScopeOptions(link, options.value, 50);
    if (!cached) void services.work.track(services.reports.warmScopes(link).catch(() => undefined));
    const found = cached ?? [];
    await ack({
      options: found.map((c) => ({
        text: { type: 'plain_text' as const, text: t.t(c.kind === 'project' ? 'reports.candidateProject' : 'reports.candidateClient', { name: c.name.slice(0, 60) }) },
        value: JSON.stringify({ k: c.kind === 'project' ? 'p' : 'c', i: c.id, n: c.name.slice(0, 100) }),
      })),
    });
  };
}

/** The form's user group type-ahead: the workspace's groups. */
export function groupOptions(services: SlackServices) {
  return async ({ ack, body, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const groups = await services.digests.userGroups(tenantOfInteraction(body)).catch(() => []);
    const q = options.value.trim().toLowerCase();
    const shown = groups.filter((g) => !q || g.name.toLowerCase().includes(q) || g.handle?.toLowerCase().includes(q)).slice(0, 100);
    await ack({ options: shown.map((g) => ({ text: { type: 'plain_text' as const, text: g.name.slice(0, 75) }, value: g.id })) });
  };
}
