import type { KnownBlock } from '@slack/types';
import type { Texts } from '../i18n/texts.ts';
import { plain, truncate } from './blocks.ts';
import { COMMAND } from './ids.ts';

interface UsageLine {
  usage: string;
  what: string;
}

/** What /cor can do, in the person's language; the card shows it all so nobody has to guess (App Home lists it too). */
function usageLines(t: Texts): UsageLine[] {
  return [
    { usage: `${COMMAND} log ${t.t('help.exampleLog')}`, what: t.t('help.log') },
    { usage: `${COMMAND} log ${t.t('help.exampleLine')}`, what: t.t('help.logLine') },
    { usage: `${COMMAND} log`, what: t.t('help.logForm') },
    { usage: `${COMMAND} tasks [${t.t('help.argWords')}]`, what: t.t('help.tasks') },
    { usage: `${COMMAND} task <#id | ${t.t('help.argLink')} | ${t.t('help.argWords')}>`, what: t.t('help.task') },
    { usage: `${COMMAND} start <${t.t('help.argTask')}> · ${COMMAND} stop · ${COMMAND} status`, what: t.t('help.timer') },
    { usage: `${COMMAND} today · ${COMMAND} week`, what: t.t('help.summary') },
    { usage: `${COMMAND} report [${t.t('help.exampleReport')}]`, what: t.t('help.report') },
    { usage: `${COMMAND} remind`, what: t.t('help.remind') },
    { usage: `${COMMAND} digest`, what: t.t('help.digest') },
    { usage: `${COMMAND} link · ${COMMAND} whoami · ${COMMAND} unlink`, what: t.t('help.link') },
    { usage: `${COMMAND} language es|pt|en|auto`, what: t.t('help.language') },
    { usage: `${COMMAND} help`, what: t.t('help.help') },
  ];
}

/** The usage lines as one mrkdwn list. */
export function usageList(t: Texts): string {
  return usageLines(t)
    .map((l) => `• \`${l.usage}\`  ${l.what}`)
    .join('\n');
}

interface UsageCardOptions {
  /** The subcommand the user typed that the bot does not know (shown back to them). */
  unknown?: string;
  /** the undo window (UNDO_SECONDS): said when there is one */
  undoSeconds?: number;
}

/** The /cor usage card: a short lead line, one line per command. Pure. */
export function usageCard(t: Texts, opts: UsageCardOptions = {}): { text: string; blocks: KnownBlock[] } {
  const lead = opts.unknown ? t.t('help.unknown', { sub: truncate(plain(opts.unknown), 40) }) : t.t('help.lead');
  const lines = usageList(t);
  return {
    text: `${lead}\n${lines}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: lead } },
      { type: 'section', text: { type: 'mrkdwn', text: lines } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: opts.undoSeconds ? t.t('help.footerUndo', { seconds: opts.undoSeconds }) : t.t('help.footer') }] },
    ],
  };
}
