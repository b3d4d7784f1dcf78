import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { DigestContent, NudgeContent } from '../../domain/digests/service.ts';
import type { DigestRow } from '../../domain/digests/selection.ts';
import type { DigestRecord } from '../../store/digests.ts';
import { formatDate, formatHours, type Message, plain, section } from '../blocks.ts';
import { ACTIONS, CALLBACKS, DIGEST_MODAL_BLOCKS as B } from '../ids.ts';
import { digestActions, digestWhen } from '../lines.ts';
import { textsIn } from '../../i18n/texts.ts';

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

function periodText(content: Pick<DigestContent, 'digest' | 'period'>): string {
  const days = content.period.days;
  return content.digest.schedule === 'weekly' ? `the week of ${formatDate(days[0] as string)}` : formatDate(days[0] as string);
}

/** Who a digest covers, in words. */
function audienceText(d: DigestRecord): string {
  if (d.audience.kind === 'usergroup') return 'a Slack user group';
  if (d.audience.kind === 'project') return `the people on COR project #${d.audience.corProjectId}`;
  return `${d.audience.slackUserIds.length} ${d.audience.slackUserIds.length === 1 ? 'person' : 'people'}`;
}

function rowText(row: DigestRow, names: Map<string, string>): string {
  if (row.kind === 'unlinked') return `*${nameOf(row.name ?? names.get(row.slackUserId) ?? row.slackUserId)}* — not linked to COR`;
  const name = `*${nameOf(row.name)}*`;
  if (row.onLeave) return `${name} — on leave`;
  const leave = row.leaveDays > 0 ? ` (${row.leaveDays} ${row.leaveDays === 1 ? 'day' : 'days'} of leave)` : '';
  const notOver = row.dayNotOver ? ' (their day is not over yet)' : '';
  if (row.target <= 0) return `${name} — ${formatHours(row.logged)} (no hours expected)${leave}`;
  const short = row.short ? ` — *${formatHours(row.target - row.logged)} short*` : row.logged >= row.target ? ' ✓' : '';
  return `${name} — ${formatHours(row.logged)} of ${formatHours(row.target)}${short}${leave}${notOver}`;
}

/**
 * The digest: per person, hours against their own target for the period (short first, by how much), leave
 * marked, people not linked to COR listed as such; hours only. A Nudge beside each short person (one a day,
 * whoever asks), Nudge everyone short, and a button that DMs the unlinked their link card. Names in plain text:
 * nobody is @mentioned in a channel.
 */
export function digestMessage(content: DigestContent, names: Map<string, string>): Message {
  const { digest, period, rows, nudged } = content;
  const shortCount = rows.filter((r) => r.kind === 'linked' && r.short).length;
  const lead = `*Hours for ${periodText(content)}*: ${shortCount === 0 ? 'nobody is short' : `${shortCount} of ${rows.length} ${shortCount === 1 ? 'person is' : 'people are'} short`}.`;
  const blocks: KnownBlock[] = [section(lead)];
  // In the order of the rows, one section each while Slack's block limit allows; the rest as plain lines.
  const rest: string[] = [];
  for (const row of rows) {
    const text = rowText(row, names);
    const wasNudged = row.kind === 'linked' && nudged.has(row.slackUserId);
    if (blocks.length >= MAX_PEOPLE_BLOCKS || rest.length > 0) {
      rest.push(`• ${text}${wasNudged ? ' · nudged today' : ''}`);
      continue;
    }
    const value = JSON.stringify({ d: digest.id, p: period.period, u: row.slackUserId });
    const accessory =
      row.kind === 'unlinked'
        ? !row.slackUserId
          ? undefined // a COR collaborator with no Slack account linked: nobody to send the link to
          : { type: 'button' as const, action_id: ACTIONS.digestSendLink, text: { type: 'plain_text' as const, text: 'Send link' }, value }
        : row.short && !wasNudged
          ? { type: 'button' as const, action_id: ACTIONS.digestNudge, text: { type: 'plain_text' as const, text: 'Nudge' }, value }
          : undefined;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `${text}${wasNudged ? ' · nudged today' : ''}` }, ...(accessory ? { accessory } : {}) });
  }
  // The rest as plain lines, packed by size; past Slack's block limit, a count of who is left out.
  let chunk: string[] = [];
  let left = 0;
  const flush = () => {
    if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
    chunk = [];
  };
  for (const line of rest) {
    if (blocks.length >= MAX_BLOCKS) {
      left++;
      continue;
    }
    if ([...chunk, line].join('\n').length > SECTION_CHARS) flush();
    if (blocks.length >= MAX_BLOCKS) left++;
    else chunk.push(line);
  }
  flush();
  if (left > 0) blocks.push(section(`…and ${left} more (a Slack message holds only so many).`));
  if (shortCount > 0) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTIONS.digestNudgeAll, text: { type: 'plain_text', text: 'Nudge everyone short' }, value: JSON.stringify({ d: digest.id, p: period.period }) }],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Hours against each person’s own target. Everyone linked to COR in this summary sees in their App Home that it includes them.' }] });
  return { text: lead.replace(/\*/g, ''), blocks };
}

/** The DM a nudged person gets: their hours for the period, who asked, and the form to log. */
export function nudgeMessage(content: NudgeContent): Message {
  const first = content.days[0] as string;
  const when = content.days.length > 1 ? `the week of ${formatDate(first)}` : formatDate(first);
  const text = `⏰ <@${content.leadSlackUserId}> asked me to remind you: you logged ${formatHours(content.logged)} of ${formatHours(content.target)} for ${when}.`;
  return {
    text,
    blocks: [
      section(text),
      { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.openLogModal, text: { type: 'plain_text', text: 'Log time' }, style: 'primary', value: content.days.length > 1 ? 'log' : `date:${first}` }] },
    ],
  };
}

function scheduleText(d: DigestRecord): string {
  return `${digestWhen(textsIn('en'), d)}, about ${d.schedule === 'weekly' ? 'last week' : 'the workday before'}`;
}

/** `/cor digest`: the lead's digests, each with Edit, Pause or Resume, and Delete; and New digest (`project`: run in a channel that is one). */
export function digestListCard(digests: DigestRecord[], note?: string, project?: { id: number; name: string }): Message {
  const lead = digests.length === 0 ? 'You have no digests yet. A digest tells you who is short of hours, with one-click nudges.' : `Your digests (${digests.length}):`;
  const blocks: KnownBlock[] = [section(note ? `${note}\n${lead}` : lead)];
  for (const d of digests.slice(0, 20)) {
    const where = d.channelId === d.ownerSlackUserId ? 'a DM to you' : `<#${d.channelId}>`;
    const short = d.shortUnderHours === null ? 'short under their own target' : `short under ${formatHours(d.shortUnderHours)}`;
    blocks.push(section(`${d.paused ? '⏸ ' : ''}*${scheduleText(d)}* · ${audienceText(d)} → ${where} · ${short}`));
    blocks.push(digestActions(textsIn('en'), d));
  }
  const value = project ? JSON.stringify({ p: project.id, n: project.name.slice(0, 100) }) : 'new';
  if (digests.length > 20) blocks.push(section(`…and ${digests.length - 20} more.`));
  blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.digestNew, text: { type: 'plain_text', text: 'New digest' }, style: 'primary', value }] });
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

/** The form while the lead's role is checked (it opens at once: the trigger lasts 3 s), or what stops it. */
export function digestModalMessage(meta: DigestFormMeta, text: string): ModalView {
  return {
    type: 'modal',
    callback_id: CALLBACKS.digest,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Digest' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(text)],
  };
}

/** The digest form: who (people, or a user group), where (a channel, else a DM to me), when, and the short line. */
export function digestModal(meta: DigestFormMeta, initial: DigestRecord | undefined, groupName?: string): ModalView {
  const daily = option('Each workday, about the one before', 'daily');
  const weekly = option('Mondays, about last week', 'weekly');
  const people = initial?.audience.kind === 'people' ? initial.audience.slackUserIds : [];
  const group = initial?.audience.kind === 'usergroup' ? option(groupName ?? initial.audience.usergroupId, initial.audience.usergroupId) : undefined;
  const projectId = initial?.audience.kind === 'project' ? initial.audience.corProjectId : meta.p;
  const everyoneOnProject = projectId ? option(`Everyone on this channel’s COR project${meta.pn ? `, ${meta.pn}` : ` #${projectId}`}`.slice(0, 75), String(projectId)) : undefined;
  return {
    type: 'modal',
    callback_id: CALLBACKS.digest,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: initial ? 'Edit digest' : 'New digest' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(everyoneOnProject
        ? [
            {
              type: 'input' as const,
              block_id: B.project,
              optional: true,
              label: { type: 'plain_text' as const, text: 'Who' },
              element: { type: 'checkboxes' as const, action_id: B.projectAction, options: [everyoneOnProject], ...(initial?.audience.kind === 'project' ? { initial_options: [everyoneOnProject] } : {}) },
            },
          ]
        : []),
      { type: 'input', block_id: B.people, optional: true, label: { type: 'plain_text', text: 'People' }, element: { type: 'multi_users_select', action_id: B.peopleAction, ...(people.length > 0 ? { initial_users: people } : {}) } },
      {
        type: 'input',
        block_id: B.usergroup,
        optional: true,
        label: { type: 'plain_text', text: 'Or a user group' },
        element: { type: 'external_select', action_id: B.usergroupAction, min_query_length: 0, ...(group ? { initial_option: group } : {}) },
      },
      {
        type: 'input',
        block_id: B.channel,
        optional: true,
        label: { type: 'plain_text', text: 'Post it in (empty: a DM to you)' },
        hint: { type: 'plain_text', text: 'A channel I am in. Names only, nobody is @mentioned.' },
        element: { type: 'conversations_select', action_id: B.channelAction, filter: { include: ['public', 'private'], exclude_bot_users: true }, ...(initial && initial.channelId !== initial.ownerSlackUserId ? { initial_conversation: initial.channelId } : {}) },
      },
      { type: 'input', block_id: B.schedule, label: { type: 'plain_text', text: 'When' }, element: { type: 'static_select', action_id: B.scheduleAction, options: [daily, weekly], initial_option: initial?.schedule === 'weekly' ? weekly : daily } },
      { type: 'input', block_id: B.time, label: { type: 'plain_text', text: 'At (your time)' }, element: { type: 'timepicker', action_id: B.timeAction, initial_time: initial?.localTime ?? '09:00' } },
      {
        type: 'input',
        block_id: B.short,
        optional: true,
        label: { type: 'plain_text', text: 'Short under (hours a workday; empty: their own target)' },
        element: { type: 'plain_text_input', action_id: B.shortAction, ...(initial?.shortUnderHours !== null && initial?.shortUnderHours !== undefined ? { initial_value: String(initial.shortUnderHours) } : {}) },
      },
    ],
  };
}
