import type { KnownBlock } from '@slack/types';
import { plain, truncate } from './blocks.ts';
import { COMMAND } from './ids.ts';

interface UsageLine {
  usage: string;
  what: string;
}

/** What /cor can do; the card shows it all so nobody has to guess (App Home lists it too). */
export const USAGE: readonly UsageLine[] = [
  { usage: `${COMMAND} log 2h30 on Homepage redesign yesterday`, what: 'log time in plain words (English, Spanish, Portuguese)' },
  { usage: `${COMMAND} log 3h homepage, 2h QA, 1h weekly`, what: 'a whole day in one line (up to 10 entries)' },
  { usage: `${COMMAND} log`, what: 'open the log-time form' },
  { usage: `${COMMAND} tasks [words]`, what: 'your open tasks, with status changes and quick logging' },
  { usage: `${COMMAND} task <#id | link | words>`, what: 'one task, to change its status or log time on it' },
  { usage: `${COMMAND} start <task> · ${COMMAND} stop · ${COMMAND} status`, what: 'a timer that becomes one entry' },
  { usage: `${COMMAND} today · ${COMMAND} week`, what: 'what you logged, against your target' },
  { usage: `${COMMAND} remind`, what: 'your daily reminder settings' },
  { usage: `${COMMAND} digest`, what: 'for leads: who of your people is short of hours, with nudges' },
  { usage: `${COMMAND} link · ${COMMAND} whoami · ${COMMAND} unlink`, what: 'connect your COR account' },
  { usage: `${COMMAND} help`, what: 'this card' },
];

interface UsageCardOptions {
  /** The subcommand the user typed that the bot does not know (shown back to them). */
  unknown?: string;
  /** the undo window (UNDO_SECONDS): said when there is one */
  undoSeconds?: number;
}

/** The /cor usage card: a short lead line, one line per command. Pure. */
export function usageCard(opts: UsageCardOptions = {}): { text: string; blocks: KnownBlock[] } {
  const lead = opts.unknown
    ? `I don't know \`${truncate(plain(opts.unknown), 40)}\` yet. Here is what I can do:`
    : 'Log your COR hours and move your tasks without leaving Slack:';
  const lines = USAGE.map((l) => `• \`${l.usage}\`  ${l.what}`).join('\n');
  return {
    text: `${lead}\n${lines}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: lines } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Or just write the same words to me here in Messages, or reply to a reminder.${opts.undoSeconds ? ` Every entry waits ${opts.undoSeconds} s with an *Undo* before it goes to COR.` : ''} Dates and times use your Slack time zone.`,
          },
        ],
      },
    ],
  };
}
