import { z } from 'zod';
import { type ReportQuery, readReportWords, saysMine } from '../../domain/parse/report-words.ts';
import type { Report, ReportAsk, ReportPeople } from '../../domain/reports/model.ts';
import { fold } from '../../domain/parse/text.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import { uploadFile } from '../files.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { groupNobodyMessage, noGroupMessage, notLinkedMessage, problemMessage, refusalMessage, reportChart, reportMessage } from './blocks.ts';

const periodSchema = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), unit: z.enum(['day', 'week', 'month', 'range']) });
const askSchema = z.object({
  people: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('me') }),
    z.object({ kind: z.literal('people'), corUserIds: z.array(z.number().int().positive()).max(500), groupName: z.string().optional() }),
    z.object({ kind: z.literal('everyone') }),
  ]),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('named'), words: z.string().max(300) }),
    z.object({ kind: z.literal('project'), corProjectId: z.number().int().positive(), name: z.string() }),
    z.object({ kind: z.literal('client'), corClientId: z.number().int().positive(), name: z.string() }),
  ]),
  period: periodSchema,
  groupBy: z.enum(['project', 'person', 'task', 'day']).optional(),
  tz: z.string().min(1),
});

/** What a report's buttons carry: the ask (run again on a click: the domain keeps its hours a minute), where it was asked (Share), the chart's file. */
export const buttonValueSchema = z.object({ a: askSchema, c: z.string().min(1).optional(), f: z.string().min(1).optional() });
export type ButtonValue = z.infer<typeof buttonValueSchema>;

/** The ask a button carries, as the domain takes it (an undefined group by is "the usual one"). */
export function askOf(value: ButtonValue): ReportAsk {
  const { groupBy, ...rest } = value.a;
  return { ...rest, groupBy };
}

function valueOf(ask: ReportAsk, channel: string | undefined, fileId?: string): string {
  const { groupBy, ...rest } = ask;
  return JSON.stringify({ a: { ...rest, ...(groupBy ? { groupBy } : {}) }, ...(channel ? { c: channel } : {}), ...(fileId ? { f: fileId } : {}) });
}

/** Where a report was asked: the channel (a project's channel is the report's project unless "my" is said); Share posts there. */
export interface AskedIn {
  channelId?: string | undefined;
  /** the channel Share posts to; none where there is nothing to share to (the DM with the bot) */
  share?: string | undefined;
}

type Resolved = { ok: true; ask: ReportAsk } | { ok: false; message: Message };

/** Linked people by Slack id; the names of those who are not. */
async function linkedPeople(services: SlackServices, tenantKey: string, slackUserIds: string[]): Promise<{ corUserIds: number[]; unlinked: string[] }> {
  const found = await Promise.all(slackUserIds.map(async (id) => ({ id, link: await services.linking.findLink(tenantKey, id) })));
  const corUserIds = found.flatMap((f) => (f.link && f.link.state === 'active' ? [f.link.corUserId] : []));
  const unlinked = await Promise.all(
    found.filter((f) => !f.link || f.link.state !== 'active').map(async (f) => (await services.directory.profile(tenantKey, f.id).catch(() => undefined))?.realName ?? `<@${f.id}>`),
  );
  return { corUserIds, unlinked };
}

const membersSchema = z.object({ users: z.array(z.string()).default([]) });

/** A Slack user group by its id, handle or name ("design", "Design team"), and its linked members. */
async function groupPeople(services: SlackServices, t: Texts, tenantKey: string, words: string): Promise<{ ok: true; people: ReportPeople } | { ok: false; message: Message }> {
  const groups = await services.digests.userGroups(tenantKey);
  const said = fold(words.replace(/^@/, '').trim());
  const group =
    groups.find((g) => g.id === words) ??
    groups.find((g) => g.handle !== undefined && fold(g.handle) === said) ??
    groups.find((g) => fold(g.name) === said) ??
    groups.find((g) => fold(g.name).split(/\s+/).includes(said));
  if (!group) return { ok: false, message: noGroupMessage(t, words) };
  const client = await services.clients.forTenant(tenantKey);
  const members = membersSchema.parse(await client.usergroups.users.list({ usergroup: group.id })).users;
  const { corUserIds } = await linkedPeople(services, tenantKey, members);
  if (corUserIds.length === 0) return { ok: false, message: groupNobodyMessage(t, group.name) };
  return { ok: true, people: { kind: 'people', corUserIds, groupName: group.name } };
}

/** Whose hours and which, as the domain asks them: mentions and user groups as linked people, a channel as its project. */
export async function resolveQuery(services: SlackServices, link: UserLinkRecord, t: Texts, query: ReportQuery, tz: string, where: AskedIn & { mine: boolean }): Promise<Resolved> {
  let people: ReportPeople;
  switch (query.who.kind) {
    case 'me':
      people = { kind: 'me' };
      break;
    case 'everyone':
      people = { kind: 'everyone' };
      break;
    case 'people': {
      const { corUserIds, unlinked } = await linkedPeople(services, link.tenantKey, query.who.slackUserIds);
      if (unlinked.length > 0) return { ok: false, message: notLinkedMessage(t, unlinked) };
      people = { kind: 'people', corUserIds };
      break;
    }
    case 'group': {
      const group = await groupPeople(services, t, link.tenantKey, query.who.words);
      if (!group.ok) return group;
      people = group.people;
    }
  }
  let scope: ReportAsk['scope'] = query.scope.kind === 'named' ? { kind: 'named', words: query.scope.words } : { kind: 'all' };
  // A channel named (<#C…>) or asked in that is a COR project: that project, as it is known.
  const channel = query.scope.kind === 'named' ? query.scope.channelId : where.mine ? undefined : where.channelId;
  const project = channel ? await services.projects.ofChannel(link.tenantKey, channel) : undefined;
  if (project) scope = { kind: 'project', corProjectId: project.corProjectId, name: project.name };
  return { ok: true, ask: { people, scope, period: query.period, groupBy: query.groupBy, tz } };
}

/** A report question in words (`/cor report …`, a message to the bot): read, resolved, run, answered; or asked back. */
export async function answerWords(services: SlackServices, link: UserLinkRecord, text: string, where: AskedIn, respond: (m: Message) => Promise<unknown>): Promise<void> {
  const t = await textsOfLink(services, link);
  const { tz, locale } = await zoneOf(services, link);
  const today = localParts(services.clock.now(), tz).date;
  const reading = readReportWords(text, { today, locale });
  if (!reading.ok) return void (await respond(problemMessage(t, reading.problem, reading.words)));
  const resolved = await resolveQuery(services, link, t, reading.query, tz, { ...where, mine: saysMine(text) });
  if (!resolved.ok) return void (await respond(resolved.message));
  await answerAsk(services, link, resolved.ask, where, respond);
}

/** Runs a report as the asker and answers it: refused in words, or its totals, chart, table and buttons. */
export async function answerAsk(services: SlackServices, link: UserLinkRecord, ask: ReportAsk, where: AskedIn, respond: (m: Message) => Promise<unknown>): Promise<void> {
  const t = await textsOfLink(services, link);
  const outcome = await services.reports.run(link, ask);
  if (!outcome.ok) {
    const pick = (c: { kind: 'project' | 'client'; id: number; name: string }) =>
      valueOf({ ...ask, scope: c.kind === 'project' ? { kind: 'project', corProjectId: c.id, name: c.name } : { kind: 'client', corClientId: c.id, name: c.name } }, where.share);
    return void (await respond(refusalMessage(t, outcome.refusal, pick)));
  }
  const report = outcome.report;
  const chart = report.totalHours > 0 ? await drawChart(services, link.tenantKey, t, report) : undefined;
  await respond(reportMessage(t, report, { chart, buttons: { csv: valueOf(ask, undefined), share: where.share ? valueOf(ask, where.share, chart?.fileId) : undefined } }));
}

/**
 * The report's chart as a file in Slack, shared in no conversation (the answer's image block shows it): drawn after
 * the ack (ECharts loaded on the first one), uploaded once. Not drawn or not uploaded: the answer goes without it.
 */
async function drawChart(services: SlackServices, tenantKey: string, t: Texts, report: Report): Promise<{ fileId: string; altText: string } | undefined> {
  try {
    const { chart, altWords } = reportChart(t, report);
    const charts = await import('../../lib/charts.ts');
    const bytes = charts.renderChart(chart);
    const altText = charts.altText(chart, altWords);
    const fileId = await uploadFile(await services.clients.forTenant(tenantKey), { filename: 'hours.png', bytes, ...(chart.title ? { title: chart.title } : {}), altText });
    return { fileId, altText };
  } catch (err) {
    services.logger.warn({ err, error: slackFailureOf(err).error }, 'report answered without its chart: not drawn or not uploaded');
    return undefined;
  }
}

/** The chart's alt text again (Share: the file is the one uploaded with the answer). */
export async function chartAltText(t: Texts, report: Report): Promise<string> {
  const { chart, altWords } = reportChart(t, report);
  return (await import('../../lib/charts.ts')).altText(chart, altWords);
}
