import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { StoppedTimer } from '../../domain/timers.ts';
import { textsIn } from '../../i18n/texts.ts';
import { waitsForRelink } from '../../domain/time-entries/model.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { formatClock, formatMinutes, type Message, plain } from '../blocks.ts';
import { undoButton } from '../entry-answers.ts';

function msg(text: string): Message & { blocks: KnownBlock[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } } as KnownBlock] };
}

function stoppedLine(s: StoppedTimer, tz: string): string {
  if (s.tooShort) return `Your timer on *${plain(s.task.title)}* ran less than a minute, so nothing was logged.`;
  const total = s.outcomes.reduce((n, o) => n + (o.stop.getTime() - o.start.getTime()) / 60_000, 0);
  const queued = s.outcomes.some((o) => o.outcome.kind === 'queued');
  const forLink = s.outcomes.some((o) => o.outcome.kind === 'queued' && waitsForRelink(o.outcome.request));
  const waiting = s.outcomes.some((o) => o.outcome.kind === 'scheduled');
  const failed = s.outcomes.find((o) => o.outcome.kind === 'failed');
  const parts = s.outcomes.length > 1 ? ` (split at midnight into ${s.outcomes.length} entries)` : '';
  if (failed && failed.outcome.kind === 'failed') return `COR refused the timer's entry on *${plain(s.task.title)}*: ${plain(failed.outcome.reason)}.`;
  return `${queued ? '⏳ Saved' : waiting ? '⏳ Logging' : '✓ Logged'} *${formatMinutes(Math.round(total))}* on *${plain(s.task.title)}*, ${formatClock(s.timer.startedAt, tz)}–${formatClock(s.outcomes.at(-1)?.stop ?? s.timer.startedAt, tz)}${parts}${forLink ? '; COR no longer accepts my access for you: it will be written as soon as you link again (`/cor link`)' : queued ? '; COR is not answering, it will be written as soon as it can' : ''}.`;
}

/** The Undo of a stopped timer's entries still in their undo window, if any. */
function undoOf(s: StoppedTimer | undefined, owner: Owner): KnownBlock[] {
  const waiting = (s?.outcomes ?? []).flatMap((o) => (o.outcome.kind === 'scheduled' ? [o.outcome.request.id] : []));
  return waiting.length > 0 ? [undoButton(textsIn('en'), owner, waiting)] : [];
}

type Owner = Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>;

export function stoppedMessage(s: StoppedTimer, tz: string, owner: Owner): Message {
  const text = stoppedLine(s, tz);
  return { text, blocks: [...msg(text).blocks, ...undoOf(s, owner)] };
}

export function startedMessage(task: TaskView, startedAt: Date, tz: string, previous: StoppedTimer | undefined, owner: Owner): Message {
  const lines = [`⏱ Timer started on *${plain(task.title)}* at ${formatClock(startedAt, tz)}. \`/cor stop\` when you are done.`];
  if (previous) lines.unshift(`Stopped your previous timer. ${stoppedLine(previous, tz)}`);
  const text = lines.join('\n');
  return { text, blocks: [...msg(text).blocks, ...undoOf(previous, owner)] };
}

export function statusMessage(status: { task: TaskView; timer: { startedAt: Date }; minutes: number } | undefined, tz: string): Message {
  if (!status) return msg('No timer is running. Start one with `/cor start <task>`.');
  return msg(`⏱ Running on *${plain(status.task.title)}* since ${formatClock(status.timer.startedAt, tz)} (${formatMinutes(status.minutes)} so far). \`/cor stop\` to log it.`);
}

export function noTimerMessage(): Message {
  return msg('No timer is running, so there was nothing to stop.');
}

export function startUsageMessage(): Message {
  return msg('Start a timer on which task? `/cor start #48211` or `/cor start homepage hero`.');
}

export function chooseTimerTaskMessage(options: TaskView[]): Message {
  return msg(`Several tasks fit; start it with the id:\n${options.map((t) => `• \`/cor start #${t.id}\` ${plain(t.title)}`).join('\n')}`);
}

export function noTimerTaskMessage(query: string): Message {
  return msg(`I could not find an open task of yours matching “${plain(query)}”.`);
}
