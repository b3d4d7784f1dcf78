import { z } from 'zod';
import { type ReportQuery, readReportWords, saysMine } from '../../domain/parse/report-words.ts';
import type { Report, ReportAsk, ReportPeople } from '../../domain/reports/model.ts';
import { fold } from '../../domain/parse/text.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { Message } from '../blocks.ts';
import { uploadChart } from '../files.ts';
import { textsOfLink, zoneOf } from '../person.ts';
import type { SlackServices } from '../services.ts';
import { slackFailureOf } from '../slack-errors.ts';
import { BUTTON_VALUE_MAX, groupChoiceMessage, groupNobodyMessage, noGroupMessage, notLinkedMessage, problemMessage, refusalMessage, reportChart, reportMessage } from './blocks.ts';

const periodSchema = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), unit: z.enum(['day', 'week', 'month', 'range']) });
const scopeSchemas = {
  all: z.object({ kind: z.literal('all') }),
  named: z.object({ kind: z.literal('named'), words: z.string().max(300) }),
  project: z.object({ kind: z.literal('project'), corProjectId: z.number().int().positive(), name: z.string() }),
  client: z.object({ kind: z.literal('client'), corClientId: z.number().int().positive(), name: z.string() }),
};
const askSchema = z.object({
  people: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('me') }),
    z.object({ kind: z.literal('people'), corUserIds: z.array(z.number().int().positive()).max(500), groupName: z.string().optional() }),
    z.object({ kind: z.literal('everyone') }),
    /** a Slack user group too large to carry its people: its linked members read again on the click, as the clicker */
    z.object({ kind: z.literal('group'), id: z.string().min(1), name: z.string() }),
  ]),
  /** what the report matched, by id: a click runs exactly what was shown */
  scope: z.discriminatedUnion('kind', [scopeSchemas.all, scopeSchemas.project, scopeSchemas.client]),
  period: periodSchema,
  groupBy: z.enum(['project', 'person', 'task', 'day']).optional(),
  tz: z.string().min(1),
});
/** What a report's buttons carry: the ask, run again on a click (the domain keeps its hours a minute). Where Share posts is the click's channel. */
export const buttonValueSchema = z.object({ a: askSchema });
/** What a choice's button carries (a project, client or user group picked): the ask with that one, its scope maybe still words. */
export const pickValueSchema = z.object({ a: askSchema.extend({ scope: z.discriminatedUnion('kind', [scopeSchemas.all, scopeSchemas.named, scopeSchemas.project, scopeSchemas.client]) }) });
export type PickValue = z.infer<typeof pickValueSchema>;
type PickAsk = PickValue['a'];

/** A Slack user group the report's people came from. */
interface GroupRef {
  id: string;
  name: string;
}

/** The ask a button carries, as the domain takes it: a user group's linked members read again, as the clicker. */
export async function askOf(services: SlackServices, link: UserLinkRecord, t: Texts, value: PickValue): Promise<{ ok: true; ask: ReportAsk; uncounted: number } | { ok: false; message: Message }> {
  const { groupBy, people, ...rest } = value.a;
  if (people.kind !== 'group') return { ok: true, ask: { ...rest, people, groupBy }, uncounted: 0 };
  const group = await groupMembers(services, t, link.tenantKey, { id: people.id, name: people.name });
  return group.ok ? { ok: true, ask: { ...rest, people: group.people, groupBy }, uncounted: group.uncounted } : group;
}

function valueOf(ask: Omit<PickAsk, 'groupBy'> & { groupBy: PickAsk['groupBy'] | undefined }): string {
  const { groupBy, ...rest } = ask;
  return JSON.stringify({ a: { ...rest, ...(groupBy ? { groupBy } : {}) } });
}

/**
 * The value of a report's buttons: its ask with the project or client it matched by id (never the words, which may
 * match otherwise later). Its people as COR ids; a user group's by the group's id when they do not fit (read again on
 * the click); `too_large` when even that does not fit.
 */
function buttonsValue(report: Report, group: GroupRef | undefined): string | 'too_large' | undefined {
  const { ask } = report;
  const scope: PickAsk['scope'] | undefined = report.scope
    ? report.scope.kind === 'project'
      ? { kind: 'project', corProjectId: report.scope.id, name: report.scope.name }
      : { kind: 'client', corClientId: report.scope.id, name: report.scope.name }
    : ask.scope.kind === 'named'
      ? undefined
      : ask.scope;
  if (!scope) return undefined;
  const value = valueOf({ ...ask, scope });
  if (value.length <= BUTTON_VALUE_MAX) return value;
  const byGroup = group ? valueOf({ ...ask, scope, people: { kind: 'group', ...group } }) : undefined;
  return byGroup && byGroup.length <= BUTTON_VALUE_MAX ? byGroup : 'too_large';
}

/** Where a report was asked: the channel (a project's channel is the report's project unless "my" is said); whether Share may post there. */
export interface AskedIn {
  channelId?: string | undefined;
  /** Share goes with the answer: false where there is nothing to share to (the DM with the bot) */
  share?: boolean | undefined;
}

/** A resolved ask, with the user group its people came from and how many of its members are not linked. */
interface ResolvedAsk {
  ask: ReportAsk;
  group?: GroupRef | undefined;
  uncounted?: number | undefined;
}

type Resolved = ({ ok: true } & ResolvedAsk) | { ok: false; message: Message };

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

/**
 * A Slack user group by its id, handle or name ("design", "Design team"); else the one group a word of whose name
 * it is. Several such: which, asked with a button each (`pick`: its value).
 */
async function findGroup(services: SlackServices, t: Texts, tenantKey: string, words: string, pick: (group: GroupRef) => string): Promise<{ ok: true; group: GroupRef } | { ok: false; message: Message }> {
  const groups = await services.digests.userGroups(tenantKey);
  const said = fold(words.replace(/^@/, '').trim());
  const exact =
    groups.find((g) => g.id === words) ?? groups.find((g) => g.handle !== undefined && fold(g.handle) === said) ?? groups.find((g) => fold(g.name) === said);
  if (exact) return { ok: true, group: exact };
  const near = groups.filter((g) => fold(g.name).split(/\s+/).includes(said));
  const [only] = near;
  if (only && near.length === 1) return { ok: true, group: only };
  if (near.length === 0) return { ok: false, message: noGroupMessage(t, words) };
  return { ok: false, message: groupChoiceMessage(t, words, near.map((g) => ({ name: g.name, value: pick({ id: g.id, name: g.name }) }))) };
}

/** A user group's linked members; those not linked only counted (no profile read for them). */
async function groupMembers(services: SlackServices, t: Texts, tenantKey: string, group: GroupRef): Promise<{ ok: true; people: ReportPeople; uncounted: number } | { ok: false; message: Message }> {
  const client = await services.clients.forTenant(tenantKey);
  const members = membersSchema.parse(await client.usergroups.users.list({ usergroup: group.id })).users;
  const links = await Promise.all(members.map((id) => services.linking.findLink(tenantKey, id)));
  const corUserIds = links.flatMap((l) => (l && l.state === 'active' ? [l.corUserId] : []));
  if (corUserIds.length === 0) return { ok: false, message: groupNobodyMessage(t, group.name) };
  return { ok: true, people: { kind: 'people', corUserIds, groupName: group.name }, uncounted: members.length - corUserIds.length };
}

/** Whose hours and which, as the domain asks them: mentions and user groups as linked people, a channel as its project. */
export async function resolveQuery(services: SlackServices, link: UserLinkRecord, t: Texts, query: ReportQuery, tz: string, where: AskedIn & { mine: boolean }): Promise<Resolved> {
  let scope: ReportAsk['scope'] = query.scope.kind === 'named' ? { kind: 'named', words: query.scope.words } : { kind: 'all' };
  // A channel named (<#C…>) or asked in that is a COR project: that project, as it is known.
  const channel = query.scope.kind === 'named' ? query.scope.channelId : where.mine ? undefined : where.channelId;
  const project = channel ? await services.projects.ofChannel(link.tenantKey, channel) : undefined;
  if (project) scope = { kind: 'project', corProjectId: project.corProjectId, name: project.name };
  const rest = { scope, period: query.period, groupBy: query.groupBy, tz };
  switch (query.who.kind) {
    case 'me':
    case 'everyone':
      return { ok: true, ask: { people: { kind: query.who.kind }, ...rest } };
    case 'people': {
      const { corUserIds, unlinked } = await linkedPeople(services, link.tenantKey, query.who.slackUserIds);
      if (unlinked.length > 0) return { ok: false, message: notLinkedMessage(t, unlinked) };
      return { ok: true, ask: { people: { kind: 'people', corUserIds }, ...rest } };
    }
    case 'group': {
      // Several groups match: each choice's button runs this report with that group (a named scope is matched on the click).
      const found = await findGroup(services, t, link.tenantKey, query.who.words, (group) => valueOf({ ...rest, scope, people: { kind: 'group', ...group } }));
      if (!found.ok) return found;
      const members = await groupMembers(services, t, link.tenantKey, found.group);
      if (!members.ok) return members;
      return { ok: true, ask: { people: members.people, ...rest }, group: found.group, uncounted: members.uncounted };
    }
  }
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
  await answerAsk(services, link, resolved, where, respond);
}

/** Runs a report as the asker and answers it: refused in words, or its totals, chart, table and buttons. */
export async function answerAsk(services: SlackServices, link: UserLinkRecord, resolved: ResolvedAsk, where: AskedIn, respond: (m: Message) => Promise<unknown>): Promise<void> {
  const t = await textsOfLink(services, link);
  const { ask, group } = resolved;
  const outcome = await services.reports.run(link, ask);
  if (!outcome.ok) {
    const people: PickAsk['people'] = ask.people.kind === 'people' && group && valueOf({ ...ask, scope: { kind: 'all' } }).length > BUTTON_VALUE_MAX ? { kind: 'group', ...group } : ask.people;
    const pick = (c: { kind: 'project' | 'client'; id: number; name: string }) =>
      valueOf({ ...ask, people, scope: c.kind === 'project' ? { kind: 'project', corProjectId: c.id, name: c.name } : { kind: 'client', corClientId: c.id, name: c.name } });
    return void (await respond(refusalMessage(t, outcome.refusal, pick)));
  }
  const report = outcome.report;
  const chart = report.totalHours > 0 ? await drawChart(services, link.tenantKey, t, report) : undefined;
  const value = buttonsValue(report, group);
  const buttons = value === 'too_large' ? value : value ? { value, share: where.share === true } : undefined;
  await respond(reportMessage(t, report, { chart, buttons, uncounted: resolved.uncounted }));
}

/**
 * The report's chart as a file in Slack, shared in no conversation (the answer's image block shows it): drawn after
 * the ack (ECharts loaded on the first one), uploaded once. Not drawn or not uploaded: the answer goes without it.
 */
export async function drawChart(services: SlackServices, tenantKey: string, t: Texts, report: Report): Promise<{ fileId: string; altText: string } | undefined> {
  try {
    const { chart, altWords } = reportChart(t, report);
    return await uploadChart(await services.clients.forTenant(tenantKey), chart, altWords, { filename: 'hours.png', ...(chart.title ? { title: chart.title } : {}) });
  } catch (err) {
    services.logger.warn({ err, error: slackFailureOf(err).error }, 'report answered without its chart: not drawn or not uploaded');
    return undefined;
  }
}
