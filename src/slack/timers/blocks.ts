import type { KnownBlock } from '@slack/types';
import type { TaskView } from '../../domain/tasks.ts';
import type { StoppedTimer } from '../../domain/timers.ts';
import { waitsForRelink } from '../../domain/time-entries/model.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { type Message, plain } from '../blocks.ts';
import { undoButton } from '../entry-answers.ts';
import { reasonWords } from '../../errors.ts';

function msg(text: string): Message & { blocks: KnownBlock[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } } as KnownBlock] };
}

function stoppedLine(t: Texts, s: StoppedTimer, tz: string): string {
  const title = plain(s.task.title);
  if (s.tooShort) return t.t('timer.tooShort', { title });
  const total = s.outcomes.reduce((n, o) => n + (o.stop.getTime() - o.start.getTime()) / 60_000, 0);
  const queued = s.outcomes.some((o) => o.outcome.kind === 'queued');
  const forLink = s.outcomes.some((o) => o.outcome.kind === 'queued' && waitsForRelink(o.outcome.request));
  const waiting = s.outcomes.some((o) => o.outcome.kind === 'scheduled');
  const failed = s.outcomes.find((o) => o.outcome.kind === 'failed');
  if (failed && failed.outcome.kind === 'failed') return t.t('timer.refused', { title, reason: plain(reasonWords(failed.outcome.reason, t)) });
  return t.t('timer.stopped', {
    state: queued ? 'queued' : waiting ? 'waiting' : 'written',
    duration: t.minutes(Math.round(total)),
    title,
    from: t.clock(s.timer.startedAt, tz),
    to: t.clock(s.outcomes.at(-1)?.stop ?? s.timer.startedAt, tz),
    parts: s.outcomes.length,
    tail: forLink ? 'relink' : queued ? 'queued' : 'none',
  });
}

/** The Undo of a stopped timer's entries still in their undo window, if any. */
function undoOf(t: Texts, s: StoppedTimer | undefined, owner: Owner): KnownBlock[] {
  const waiting = (s?.outcomes ?? []).flatMap((o) => (o.outcome.kind === 'scheduled' ? [o.outcome.request.id] : []));
  return waiting.length > 0 ? [undoButton(t, owner, waiting)] : [];
}

type Owner = Pick<UserLinkRecord, 'tenantKey' | 'slackUserId'>;

export function stoppedMessage(t: Texts, s: StoppedTimer, tz: string, owner: Owner): Message {
  const text = stoppedLine(t, s, tz);
  return { text, blocks: [...msg(text).blocks, ...undoOf(t, s, owner)] };
}

export function startedMessage(t: Texts, task: TaskView, startedAt: Date, tz: string, previous: StoppedTimer | undefined, owner: Owner): Message {
  const lines = [t.t('timer.started', { title: plain(task.title), time: t.clock(startedAt, tz) })];
  if (previous) lines.unshift(t.t('timer.stoppedPrevious', { stopped: stoppedLine(t, previous, tz) }));
  const text = lines.join('\n');
  return { text, blocks: [...msg(text).blocks, ...undoOf(t, previous, owner)] };
}

export function statusMessage(t: Texts, status: { task: TaskView; timer: { startedAt: Date }; minutes: number } | undefined, tz: string): Message {
  if (!status) return msg(t.t('timer.none'));
  return msg(t.t('timer.running', { title: plain(status.task.title), time: t.clock(status.timer.startedAt, tz), duration: t.minutes(status.minutes) }));
}

export function noTimerMessage(t: Texts): Message {
  return msg(t.t('timer.nothingToStop'));
}

export function startUsageMessage(t: Texts): Message {
  return msg(t.t('timer.startUsage'));
}

export function chooseTimerTaskMessage(t: Texts, options: TaskView[]): Message {
  return msg(t.t('timer.choose', { options: options.map((o) => `• \`/cor start #${o.id}\` ${plain(o.title)}`).join('\n') }));
}

export function noTimerTaskMessage(t: Texts, query: string): Message {
  return msg(t.t('timer.noTask', { query: plain(query) }));
}
