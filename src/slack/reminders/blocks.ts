import type { KnownBlock, ModalView } from '@slack/types';
import type { RemindProblem } from '../../domain/parse/remind-command.ts';
import type { ReminderContent } from '../../domain/reminders/selection.ts';
import type { Texts } from '../../i18n/texts.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { type Message, plain, progressBar } from '../blocks.ts';
import { ACTIONS, CALLBACKS, REMINDER_MODAL_BLOCKS as B } from '../ids.ts';
import { settingsLines } from '../lines.ts';

/** What a reminder button carries: the delivery (checked against the clicker) and, for "Log 1h", the task. */
interface ReminderButtonValue {
  d: string;
  t?: number;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const TITLE_MAX = 40;

function short(title: string): string {
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** The figures of a reminder, in the person's language. */
function figures(t: Texts, c: ReminderContent): { kind: string; logged: string; target: string; missing: string; date: string } {
  return { kind: c.kind, logged: t.hours(c.logged), target: t.hours(c.target), missing: t.hours(Math.max(0, c.target - c.logged)), date: t.day(c.aboutDate) };
}

/** The reminder DM: the shortfall, one-click "Log 1h" on recent tasks, and the ways to act on it. Pure. */
export function reminderMessage(t: Texts, c: ReminderContent, deliveryId: string): Message {
  const f = figures(t, c);
  const leave = c.leave && t.t(c.leave.wholeDay ? 'summary.onLeave' : 'summary.halfDayLeave', { name: plain(c.leave.name) });
  const note = leave ? `  ${t.t('remind.dm.targetNote', { note: leave })}` : '';
  const blocks: KnownBlock[] = [section(`*${t.t('remind.dm.head', f)}*\n${t.t('remind.dm.body', f)}\n${progressBar(c.logged, c.target)}${note}`)];
  for (const task of c.recentTasks) {
    const value: ReminderButtonValue = { d: deliveryId, t: task.id };
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${plain(short(task.title))}  \`#${task.id}\`` },
      accessory: { type: 'button', action_id: ACTIONS.reminderLogTask, text: { type: 'plain_text', text: t.t('remind.button.logHour') }, value: JSON.stringify(value) },
    });
  }
  const value = JSON.stringify({ d: deliveryId } satisfies ReminderButtonValue);
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: t.t('remind.button.logTime') }, value: `date:${c.aboutDate}` },
      { type: 'button', action_id: ACTIONS.reminderSnooze, text: { type: 'plain_text', text: t.t('remind.button.snooze') }, value },
      { type: 'button', action_id: ACTIONS.reminderSkip, text: { type: 'plain_text', text: c.kind === 'day' ? t.t('remind.button.skipToday') : t.t('remind.button.skip') }, value },
      { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: t.t('remind.button.settings') } },
    ],
  });
  return { text: t.t('remind.dm.text', f), blocks };
}

/** The DM once enough is logged. */
export function reminderDoneMessage(t: Texts, c: ReminderContent): Message {
  const text = t.t('remind.done', figures(t, c));
  return { text, blocks: [section(`${text}\n${progressBar(c.logged, c.target)}`)] };
}

export function reminderSnoozedMessage(t: Texts, until: Date, tz: string): Message {
  const text = t.t('remind.snoozed', { time: t.clock(until, tz) });
  return { text, blocks: [section(text)] };
}

export function reminderSkippedMessage(t: Texts, date: string): Message {
  const text = t.t('remind.skipped', { date: t.day(date) });
  return { text, blocks: [section(text)] };
}

export function settingsCard(t: Texts, s: ReminderSettingRecord, tz: string, changed: boolean): Message {
  const lines = settingsLines(t, s, tz);
  const text = `${changed ? `${t.t('remind.settings.saved')} ` : ''}${lines.join(' ')}`;
  return {
    text,
    blocks: [
      section(`${changed ? t.t('remind.settings.savedBold') : t.t('remind.settings.title')}\n${lines.join('\n')}`),
      { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: t.t('remind.settings.change') } }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: t.t('remind.usage') }] },
    ],
  };
}

/** What is wrong with `/cor remind …` words, in the person's language. */
function problemText(t: Texts, p: RemindProblem): string {
  const arg = (a: string) => (a ? plain(a) : t.t('remind.problem.nothing'));
  switch (p.code) {
    case 'word':
      return t.t('remind.problem.word', { word: plain(p.word) });
    case 'after':
      return t.t('remind.problem.after', { arg: plain(p.arg), key: p.key });
    case 'time':
      return t.t('remind.problem.time', { arg: arg(p.arg) });
    case 'days':
      return t.t('remind.problem.days', { arg: arg(p.arg) });
    case 'date':
      return t.t('remind.problem.date', { arg: arg(p.arg) });
    case 'target':
      return t.t('remind.problem.target', { arg: arg(p.arg) });
    case 'past':
      return t.t('remind.problem.past', { date: t.day(p.date) });
    case 'too_far':
      return t.t('remind.problem.tooFar');
    case 'morning':
      return t.t('remind.problem.morning');
    case 'away':
      return t.t('remind.problem.away');
  }
}

export function remindErrorMessage(t: Texts, problem: RemindProblem): Message {
  const text = `${problemText(t, problem)}\n${t.t('remind.usage')}`;
  return { text, blocks: [section(text)] };
}

/** The reminder settings form. `meta` carries who opened it (checked on submit). Pure. */
export function reminderSettingsModal(t: Texts, s: ReminderSettingRecord, meta: string): ModalView {
  const weekdayOptions = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ text: { type: 'plain_text' as const, text: t.weekday(day) }, value: String(day) }));
  /** An optional input with one tick box, ticked when `on`. */
  const tickBox = (blockId: string, actionId: string, label: string, text: string, on: boolean): KnownBlock => {
    const option = { text: { type: 'plain_text' as const, text }, value: 'on' };
    return { type: 'input', block_id: blockId, optional: true, label: { type: 'plain_text', text: label }, element: { type: 'checkboxes', action_id: actionId, options: [option], ...(on ? { initial_options: [option] } : {}) } };
  };
  return {
    type: 'modal',
    callback_id: CALLBACKS.reminderSettings,
    private_metadata: meta,
    title: { type: 'plain_text', text: t.t('remind.form.title') },
    submit: { type: 'plain_text', text: t.t('remind.form.save') },
    close: { type: 'plain_text', text: t.t('remind.form.cancel') },
    blocks: [
      tickBox(B.enabled, B.enabledAction, t.t('remind.form.enabled'), t.t('remind.form.enabledText'), s.enabled),
      { type: 'input', block_id: B.time, label: { type: 'plain_text', text: t.t('remind.form.time') }, element: { type: 'timepicker', action_id: B.timeAction, initial_time: s.localTime } },
      {
        type: 'input',
        block_id: B.weekdays,
        optional: true,
        label: { type: 'plain_text', text: t.t('remind.form.days') },
        hint: { type: 'plain_text', text: t.t('remind.form.daysHint') },
        element: {
          type: 'checkboxes',
          action_id: B.weekdaysAction,
          options: weekdayOptions,
          ...(s.weekdays && s.weekdays.length > 0 ? { initial_options: weekdayOptions.filter((o) => s.weekdays?.includes(Number(o.value))) } : {}),
        },
      },
      {
        type: 'input',
        block_id: B.target,
        optional: true,
        label: { type: 'plain_text', text: t.t('remind.form.target') },
        hint: { type: 'plain_text', text: t.t('remind.form.targetHint') },
        element: { type: 'plain_text_input', action_id: B.targetAction, ...(s.targetHours === null ? {} : { initial_value: t.hours(s.targetHours).replaceAll(' ', '') }) },
      },
      tickBox(B.morning, B.morningAction, t.t('remind.form.morning'), t.t('remind.form.morningText'), s.morningRecap),
      { type: 'input', block_id: B.morningTime, label: { type: 'plain_text', text: t.t('remind.form.morningTime') }, element: { type: 'timepicker', action_id: B.morningTimeAction, initial_time: s.morningTime } },
      tickBox(B.away, B.awayAction, t.t('remind.form.away'), t.t('remind.form.awayText'), s.respectAway),
    ],
  };
}
