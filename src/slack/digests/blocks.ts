import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { DigestContent, NudgeContent } from '../../domain/digests/service.ts';
import type { DigestRow } from '../../domain/digests/selection.ts';
import type { DigestRecord } from '../../store/digests.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { BarsChart } from '../../lib/charts.ts';
import type { Language } from '../../lib/language.ts';
import { type Message, plain, section } from '../blocks.ts';
import { ACTIONS, CALLBACKS, DIGEST_MODAL_BLOCKS as B } from '../ids.ts';
import { digestActions } from '../lines.ts';

/** Slack takes 50 blocks a message: the first people (the shortest first) get a section each, in these. */
const MAX_PEOPLE_BLOCKS = 30;
/** All blocks but the last few (Nudge everyone short, the context, a "more" line). */
const MAX_BLOCKS = 46;
/** Characters of plain lines per section (a section holds 3000). */
const SECTION_CHARS = 2_800;
const MAX_NAME = 60;

function nameOf(name: string): string {
  return plain(name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);
}

/** Who a digest covers, in words. */
function audienceText(t: Texts, d: DigestRecord): string {
  if (d.audience.kind === 'usergroup') return t.t('digest.audience.group');
  if (d.audience.kind === 'project') return t.t('digest.audience.project', { project: `#${d.audience.corProjectId}` });
  return t.t('digest.audience.people', { n: d.audience.slackUserIds.length });
}

function rowText(t: Texts, row: DigestRow, names: Map<string, string>): string {
  if (row.kind === 'unlinked') return t.t('digest.row.unlinked', { name: nameOf(row.name ?? names.get(row.slackUserId) ?? row.slackUserId) });
  const name = nameOf(row.name);
  if (row.onLeave) return t.t('digest.row.onLeave', { name });
  if (row.target <= 0) return t.t('digest.row.noTarget', { name, logged: t.hours(row.logged), leaveDays: row.leaveDays });
  const state = row.short ? 'short' : row.logged >= row.target ? 'over' : 'under';
  return t.t('digest.row.hours', { name, logged: t.hours(row.logged), target: t.hours(row.target), state, missing: t.hours(row.target - row.logged), leaveDays: row.leaveDays, notOver: row.dayNotOver ? 'yes' : 'no' });
}

/**
 * The digest: per person, hours against their own target for the period (short first, by how much), leave
 * marked, people not linked to COR listed as such; hours only. A Nudge beside each short person (one a day,
 * whoever asks), Nudge everyone short, and a button that DMs the unlinked their link card. Names in plain text:
 * nobody is @mentioned in a channel. In the digest's language (`t`).
 */
export function digestMessage(t: Texts, content: DigestContent, names: Map<string, string>): Message {
  const { digest, period, rows, nudged } = content;
  const shortCount = rows.filter((r) => r.kind === 'linked' && r.short).length;
  const lead = t.t('digest.lead', { weekly: digest.schedule === 'weekly' ? 'yes' : 'no', date: t.day(period.days[0] as string), short: shortCount, total: rows.length });
  const blocks: KnownBlock[] = [section(lead)];
  const line = (row: DigestRow) => {
    const text = rowText(t, row, names);
    return row.kind === 'linked' && nudged.has(row.slackUserId) ? t.t('digest.row.nudged', { row: text }) : text;
  };
  // In the order of the rows, one section each while Slack's block limit allows; the rest as plain lines.
  const rest: string[] = [];
  for (const row of rows) {
    const wasNudged = row.kind === 'linked' && nudged.has(row.slackUserId);
    if (blocks.length >= MAX_PEOPLE_BLOCKS || rest.length > 0) {
      rest.push(`• ${line(row)}`);
      continue;
    }
    const value = JSON.stringify({ d: digest.id, p: period.period, u: row.slackUserId });
    const accessory =
      row.kind === 'unlinked'
        ? !row.slackUserId
          ? undefined // a COR collaborator with no Slack account linked: nobody to send the link to
          : { type: 'button' as const, action_id: ACTIONS.digestSendLink, text: { type: 'plain_text' as const, text: t.t('digest.button.sendLink') }, value }
        : row.short && !wasNudged
          ? { type: 'button' as const, action_id: ACTIONS.digestNudge, text: { type: 'plain_text' as const, text: t.t('digest.button.nudge') }, value }
          : undefined;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: line(row) }, ...(accessory ? { accessory } : {}) });
  }
  // The rest as plain lines, packed by size; past Slack's block limit, a count of who is left out.
  let chunk: string[] = [];
  let left = 0;
  const flush = () => {
    if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
    chunk = [];
  };
  for (const text of rest) {
    if (blocks.length >= MAX_BLOCKS) {
      left++;
      continue;
    }
    if ([...chunk, text].join('\n').length > SECTION_CHARS) flush();
    if (blocks.length >= MAX_BLOCKS) left++;
    else chunk.push(text);
  }
  flush();
  if (left > 0) blocks.push(section(t.t('digest.more', { n: left })));
  if (shortCount > 0) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTIONS.digestNudgeAll, text: { type: 'plain_text', text: t.t('digest.button.nudgeAll') }, value: JSON.stringify({ d: digest.id, p: period.period }) }],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('digest.footer') }] });
  return { text: lead.replace(/\*/g, ''), blocks };
}

/** People drawn on a digest's chart (the first of its rows: the shortest first), their names cut to fit under a bar. */
const CHART_PEOPLE = 15;
const CHART_NAME = 14;
const ALT_TEXT_MAX = 2_000;

/**
 * The digest's chart: each person's hours in the period as a bar against their own target (dashed), in the order of
 * the digest (the shortest first; who is on leave or not linked left out), with its title and alt text (every
 * person's numbers). Undefined when nobody is left to draw. Pure; drawing it (lib/charts.ts) is the caller's.
 */
export function digestChart(t: Texts, content: DigestContent): { chart: BarsChart; title: string; altText: string } | undefined {
  const people = content.rows.flatMap((r) => (r.kind === 'linked' && !r.onLeave && (r.target > 0 || r.logged > 0) ? [r] : []));
  if (people.length === 0) return undefined;
  const drawn = people.slice(0, CHART_PEOPLE);
  const title = t.t('digest.chart.title', { weekly: content.digest.schedule === 'weekly' ? 'yes' : 'no', date: t.day(content.period.days[0] as string) });
  const chart: BarsChart = {
    kind: 'bars',
    title,
    periods: drawn.map((r) => (r.name.length > CHART_NAME ? `${r.name.slice(0, CHART_NAME - 1)}…` : r.name)),
    series: [{ name: t.t('digest.chart.logged'), values: drawn.map((r) => r.logged) }],
    named: 1,
    labels: { other: t.t('digest.chart.other'), total: t.t('digest.chart.total') },
    target: { value: drawn.map((r) => r.target), label: t.t('digest.chart.target') },
    format: (v) => t.t('digest.chart.hours', { hours: t.number(Math.round(v * 10) / 10) }),
  };
  const lines = drawn.map((r) => t.t('digest.chart.person', { name: r.name, logged: t.hours(r.logged), target: t.hours(r.target), expected: r.target > 0 ? 'yes' : 'no' }));
  const more = people.length > drawn.length ? ` ${t.t('digest.chart.more', { n: people.length - drawn.length })}` : '';
  const text = `${title}. ${t.list(lines)}.${more}`;
  return { chart, title, altText: text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…` };
}

/** The DM a nudged person gets (in their language): their hours for the period, who asked, and the form to log. */
export function nudgeMessage(t: Texts, content: NudgeContent): Message {
  const first = content.days[0] as string;
  const text = t.t('digest.nudge', { lead: content.leadSlackUserId, logged: t.hours(content.logged), target: t.hours(content.target), weekly: content.days.length > 1 ? 'yes' : 'no', date: t.day(first) });
  return {
    text,
    blocks: [
      section(text),
      { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: t.t('digest.button.logTime') }, style: 'primary', value: content.days.length > 1 ? 'log' : `date:${first}` }] },
    ],
  };
}

/** "✓ Saved: each workday at 09:00 (America/New_York)." */
export function digestSavedNote(t: Texts, d: Pick<DigestRecord, 'schedule' | 'localTime' | 'tz'>): string {
  return t.t(d.schedule === 'weekly' ? 'digest.savedWeekly' : 'digest.savedDaily', { time: d.localTime, tz: d.tz });
}

/** `/cor digest`: the lead's digests, each with Edit, Pause or Resume, and Delete; and New digest (`project`: run in a channel that is one). */
export function digestListCard(t: Texts, digests: DigestRecord[], note?: string, project?: { id: number; name: string }): Message {
  const lead = digests.length === 0 ? t.t('digest.list.none') : t.t('digest.list.lead', { n: digests.length });
  const blocks: KnownBlock[] = [section(note ? `${note}\n${lead}` : lead)];
  for (const d of digests.slice(0, 20)) {
    const where = d.channelId === d.ownerSlackUserId ? t.t('digest.where.dmToYou') : `<#${d.channelId}>`;
    const short = d.shortUnderHours === null ? t.t('digest.short.own') : t.t('digest.short.under', { hours: t.hours(d.shortUnderHours) });
    blocks.push(section(t.t('digest.list.line', { paused: d.paused ? 'yes' : 'no', weekly: d.schedule === 'weekly' ? 'yes' : 'no', time: d.localTime, audience: audienceText(t, d), where, short })));
    blocks.push(digestActions(t, d));
  }
  const value = project ? JSON.stringify({ p: project.id, n: project.name.slice(0, 100) }) : 'new';
  if (digests.length > 20) blocks.push(section(t.t('digest.list.more', { n: digests.length - 20 })));
  blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.digestNew, text: { type: 'plain_text', text: t.t('digest.button.new') }, style: 'primary', value }] });
  return { text: lead, blocks };
}

export interface DigestFormMeta {
  t: string;
  u: string;
  /** the digest being edited */
  id?: string | undefined;
  /** the list card to redraw */
  r?: string | undefined;
  /** the COR project of the channel it was opened in (its people can be the digest's) */
  p?: number | undefined;
  pn?: string | undefined;
}

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text }, value };
}

/** The form's language select (its own block: the others' ids are shared with App Home's). */
export const LANGUAGE_BLOCK = { block: 'language', action: 'language_value' } as const;
/** The form's chart checkbox (its own block, like the language select). */
export const CHART_BLOCK = { block: 'chart', action: 'chart_value', on: 'on' } as const;
/** The language select's value for "the owner's own language" (kept as null). */
const OWNER_LANGUAGE = 'owner';

const LANGUAGE_NAMES = { en: 'language.name.en', es: 'language.name.es', pt: 'language.name.pt' } as const;

/** The form while the lead's role is checked (it opens at once: the trigger lasts 3 s), or what stops it. */
export function digestModalMessage(t: Texts, meta: DigestFormMeta, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.digest,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: t.t('digest.form.title') },
    close: { type: 'plain_text', text: t.t('digest.form.close') },
    blocks: [section(text)],
  };
}

/**
 * The digest form: who (people, or a user group), where (a channel, else a DM to me), when, the short line, the
 * language it is written in (the owner's own by default), and its chart (on by default). In the owner's language (`t`).
 */
export function digestModal(t: Texts, meta: DigestFormMeta, initial: DigestRecord | undefined, groupName?: string): ModalView {
  const daily = option(t.t('digest.form.daily'), 'daily');
  const weekly = option(t.t('digest.form.weekly'), 'weekly');
  const people = initial?.audience.kind === 'people' ? initial.audience.slackUserIds : [];
  const group = initial?.audience.kind === 'usergroup' ? option(groupName ?? initial.audience.usergroupId, initial.audience.usergroupId) : undefined;
  const projectId = initial?.audience.kind === 'project' ? initial.audience.corProjectId : meta.p;
  const everyoneOnProject = projectId
    ? option((meta.pn ? t.t('digest.form.project', { name: meta.pn }) : t.t('digest.form.projectId', { project: `#${projectId}` })).slice(0, 75), String(projectId))
    : undefined;
  const chart = option(t.t('digest.form.chartOption'), CHART_BLOCK.on);
  const languages: Record<Language | typeof OWNER_LANGUAGE, PlainTextOption> = {
    [OWNER_LANGUAGE]: option(t.t('digest.form.languageOwn', { name: t.t(LANGUAGE_NAMES[t.language]) }), OWNER_LANGUAGE),
    en: option(t.t('digest.form.languageEn'), 'en'),
    es: option(t.t('digest.form.languageEs'), 'es'),
    pt: option(t.t('digest.form.languagePt'), 'pt'),
  };
  return {
    type: 'modal',
    callback_id: CALLBACKS.digest,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: initial ? t.t('digest.form.titleEdit') : t.t('digest.form.titleNew') },
    submit: { type: 'plain_text', text: t.t('digest.form.save') },
    close: { type: 'plain_text', text: t.t('digest.form.cancel') },
    blocks: [
      ...(everyoneOnProject
        ? [
            {
              type: 'input' as const,
              block_id: B.project,
              optional: true,
              label: { type: 'plain_text' as const, text: t.t('digest.form.who') },
              element: { type: 'checkboxes' as const, action_id: B.projectAction, options: [everyoneOnProject], ...(initial?.audience.kind === 'project' ? { initial_options: [everyoneOnProject] } : {}) },
            },
          ]
        : []),
      { type: 'input', block_id: B.people, optional: true, label: { type: 'plain_text', text: t.t('digest.form.people') }, element: { type: 'multi_users_select', action_id: B.peopleAction, ...(people.length > 0 ? { initial_users: people } : {}) } },
      {
        type: 'input',
        block_id: B.usergroup,
        optional: true,
        label: { type: 'plain_text', text: t.t('digest.form.usergroup') },
        element: { type: 'external_select', action_id: B.usergroupAction, min_query_length: 0, ...(group ? { initial_option: group } : {}) },
      },
      {
        type: 'input',
        block_id: B.channel,
        optional: true,
        label: { type: 'plain_text', text: t.t('digest.form.channel') },
        hint: { type: 'plain_text', text: t.t('digest.form.channelHint') },
        element: { type: 'conversations_select', action_id: B.channelAction, filter: { include: ['public', 'private'], exclude_bot_users: true }, ...(initial && initial.channelId !== initial.ownerSlackUserId ? { initial_conversation: initial.channelId } : {}) },
      },
      { type: 'input', block_id: B.schedule, label: { type: 'plain_text', text: t.t('digest.form.when') }, element: { type: 'static_select', action_id: B.scheduleAction, options: [daily, weekly], initial_option: initial?.schedule === 'weekly' ? weekly : daily } },
      { type: 'input', block_id: B.time, label: { type: 'plain_text', text: t.t('digest.form.time') }, element: { type: 'timepicker', action_id: B.timeAction, initial_time: initial?.localTime ?? '09:00' } },
      {
        type: 'input',
        block_id: B.short,
        optional: true,
        label: { type: 'plain_text', text: t.t('digest.form.short') },
        element: { type: 'plain_text_input', action_id: B.shortAction, ...(initial?.shortUnderHours !== null && initial?.shortUnderHours !== undefined ? { initial_value: String(initial.shortUnderHours) } : {}) },
      },
      {
        type: 'input',
        block_id: LANGUAGE_BLOCK.block,
        label: { type: 'plain_text', text: t.t('digest.form.language') },
        element: { type: 'static_select', action_id: LANGUAGE_BLOCK.action, options: Object.values(languages), initial_option: languages[initial?.language ?? OWNER_LANGUAGE] },
      },
      {
        type: 'input',
        block_id: CHART_BLOCK.block,
        optional: true,
        label: { type: 'plain_text', text: t.t('digest.form.chart') },
        element: { type: 'checkboxes', action_id: CHART_BLOCK.action, options: [chart], ...((initial?.withChart ?? true) ? { initial_options: [chart] } : {}) },
      },
    ],
  };
}
