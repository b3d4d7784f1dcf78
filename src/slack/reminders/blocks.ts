import type { KnownBlock, ModalView } from '@slack/types';
import type { ReminderContent } from '../../domain/reminders/selection.ts';
import type { ReminderSettingRecord } from '../../store/reminders.ts';
import { formatClock, formatDate, formatHours, type Message, plain, progressBar } from '../blocks.ts';
import { ACTIONS, CALLBACKS, REMINDER_MODAL_BLOCKS as B } from '../ids.ts';
import { dayNames, settingsLines } from '../lines.ts';
import { textsIn } from '../../i18n/texts.ts';

/** How to change reminder settings in words (`/cor remind ...`). */
const REMIND_USAGE = [
  '`/cor remind`  see your reminder settings',
  '`/cor remind at 18:00`  the time of the daily DM (your time zone)',
  '`/cor remind off` / `on`  stop or restart reminders',
  '`/cor remind weekdays mon-thu`  which days (`weekdays auto` = your COR working days)',
  '`/cor remind skip tomorrow` / `skip until 2026-12-02` / `skip none`',
  '`/cor remind target 6h`  your daily target (`target auto` = COR\'s)',
  '`/cor remind morning on` / `morning at 9:00`  also a morning DM about the previous workday',
  '`/cor remind away on`  no DM while your Slack status says you are away',
];

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

function dayWords(c: Pick<ReminderContent, 'kind' | 'aboutDate'>): string {
  return c.kind === 'day' ? `today (${formatDate(c.aboutDate)})` : `on ${formatDate(c.aboutDate)}`;
}

/** The reminder DM: the shortfall, one-click "Log 1h" on recent tasks, and the ways to act on it. Pure. */
export function reminderMessage(c: ReminderContent, deliveryId: string): Message {
  const missing = Math.max(0, c.target - c.logged);
  const head = c.kind === 'day' ? '⏰ Time to log your hours' : '☀️ Before you start: your last workday';
  const text = `${head}. You logged ${formatHours(c.logged)} of ${formatHours(c.target)} ${dayWords(c)}: ${formatHours(missing)} missing.`;
  const blocks: KnownBlock[] = [
    section(
      `*${head}*\nYou logged *${formatHours(c.logged)}* of ${formatHours(c.target)} ${dayWords(c)}: *${formatHours(missing)} missing*.\n${progressBar(c.logged, c.target)}${c.targetNote ? `  _(target adjusted: ${plain(c.targetNote)})_` : ''}`,
    ),
  ];
  for (const task of c.recentTasks) {
    const value: ReminderButtonValue = { d: deliveryId, t: task.id };
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${plain(short(task.title))}  \`#${task.id}\`` },
      accessory: { type: 'button', action_id: ACTIONS.reminderLogTask, text: { type: 'plain_text', text: 'Log 1h' }, value: JSON.stringify(value) },
    });
  }
  const value = JSON.stringify({ d: deliveryId } satisfies ReminderButtonValue);
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log time' }, value: `date:${c.aboutDate}` },
      { type: 'button', action_id: ACTIONS.reminderSnooze, text: { type: 'plain_text', text: 'Snooze 1h' }, value },
      { type: 'button', action_id: ACTIONS.reminderSkip, text: { type: 'plain_text', text: c.kind === 'day' ? 'Skip today' : 'Skip' }, value },
      { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: 'Settings' } },
    ],
  });
  return { text, blocks };
}

/** The DM once enough is logged. */
export function reminderDoneMessage(c: ReminderContent): Message {
  const text = `✓ ${formatHours(c.logged)} logged ${dayWords(c)}. Thanks!`;
  return { text, blocks: [section(`${text}\n${progressBar(c.logged, c.target)}`)] };
}

export function reminderSnoozedMessage(until: Date, tz: string): Message {
  const text = `😴 Snoozed: I will remind you again at ${formatClock(until, tz)}.`;
  return { text, blocks: [section(text)] };
}

export function reminderSkippedMessage(date: string): Message {
  const text = `Skipped: no more reminders for ${formatDate(date)}. \`/cor remind\` changes your reminder settings.`;
  return { text, blocks: [section(text)] };
}

export function settingsCard(s: ReminderSettingRecord, tz: string, changed: boolean): Message {
  const lines = settingsLines(textsIn('en'), s, tz);
  const text = `${changed ? '✓ Saved. ' : ''}${lines.join(' ')}`;
  return {
    text,
    blocks: [
      section(`${changed ? '✓ *Saved.*\n' : '*Your reminders*\n'}${lines.join('\n')}`),
      { type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: 'Change in a form' } }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: REMIND_USAGE.join('\n') }] },
    ],
  };
}

export function remindErrorMessage(error: string): Message {
  const text = `${error}\n${REMIND_USAGE.join('\n')}`;
  return { text, blocks: [section(text)] };
}

const WEEKDAY_OPTIONS = dayNames(textsIn('en')).slice(1).map((name, i) => ({ text: { type: 'plain_text' as const, text: name }, value: String(i + 1) }));

/** The reminder settings form. `meta` carries who opened it (checked on submit). Pure. */
export function reminderSettingsModal(s: ReminderSettingRecord, meta: string): ModalView {
  /** An optional input with one tick box, ticked when `on`. */
  const tickBox = (blockId: string, actionId: string, label: string, text: string, on: boolean): KnownBlock => {
    const option = { text: { type: 'plain_text' as const, text }, value: 'on' };
    return { type: 'input', block_id: blockId, optional: true, label: { type: 'plain_text', text: label }, element: { type: 'checkboxes', action_id: actionId, options: [option], ...(on ? { initial_options: [option] } : {}) } };
  };
  return {
    type: 'modal',
    callback_id: CALLBACKS.reminderSettings,
    private_metadata: meta,
    title: { type: 'plain_text', text: 'COR reminders' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      tickBox(B.enabled, B.enabledAction, 'Daily reminder', 'Remind me when I am short of my hours', s.enabled),
      { type: 'input', block_id: B.time, label: { type: 'plain_text', text: 'At (your time)' }, element: { type: 'timepicker', action_id: B.timeAction, initial_time: s.localTime } },
      {
        type: 'input',
        block_id: B.weekdays,
        optional: true,
        label: { type: 'plain_text', text: 'On' },
        hint: { type: 'plain_text', text: 'None ticked: your COR working days (else Monday to Friday).' },
        element: {
          type: 'checkboxes',
          action_id: B.weekdaysAction,
          options: WEEKDAY_OPTIONS,
          ...(s.weekdays && s.weekdays.length > 0 ? { initial_options: WEEKDAY_OPTIONS.filter((o) => s.weekdays?.includes(Number(o.value))) } : {}),
        },
      },
      {
        type: 'input',
        block_id: B.target,
        optional: true,
        label: { type: 'plain_text', text: 'Daily target' },
        hint: { type: 'plain_text', text: 'Like 6h or 7h30. Empty: your COR daily hours.' },
        element: { type: 'plain_text_input', action_id: B.targetAction, ...(s.targetHours === null ? {} : { initial_value: formatHours(s.targetHours).replace(' ', '') }) },
      },
      tickBox(B.morning, B.morningAction, 'Morning recap', 'Also remind me in the morning about the previous workday', s.morningRecap),
      { type: 'input', block_id: B.morningTime, label: { type: 'plain_text', text: 'Morning recap at' }, element: { type: 'timepicker', action_id: B.morningTimeAction, initial_time: s.morningTime } },
      tickBox(B.away, B.awayAction, 'When I am away', 'No reminder while my Slack status says I am away', s.respectAway),
    ],
  };
}
