import type { HomeView } from '@slack/types';
import { USAGE } from './help.ts';
import { ACTIONS } from './ids.ts';

/** The App Home tab until the per-user home arrives: what the bot does and how to start. Pure. */
export function welcomeHome(): HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'COR for Slack' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Log your hours and move your COR tasks without leaving Slack.' } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: ACTIONS.openLogModal, style: 'primary', text: { type: 'plain_text', text: 'Log time' } },
          { type: 'button', action_id: ACTIONS.reminderSettings, text: { type: 'plain_text', text: 'Reminder settings' } },
        ],
      },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: USAGE.map((l) => `• \`${l.usage}\`  ${l.what}`).join('\n') } },
    ],
  };
}
