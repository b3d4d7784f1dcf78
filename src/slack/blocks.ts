import type { KnownBlock } from '@slack/types';


/** A message the bot posts or answers with: the fallback text and its blocks. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** At most `max` characters, an ellipsis marking the cut (Slack refuses texts over its limits). */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Neutralises Slack markup in text we echo back (mentions, links, formatting). */
export function plain(text: string): string {
  return text.replace(/[<>&`*_~]/g, (c) => ({ '<': '‹', '>': '›', '&': '＆', '`': 'ˋ', '*': '∗', _: '＿', '~': '∼' })[c] ?? c);
}

/** A compact bar of logged against target: ▓▓▓▓▓░░░ */
export function progressBar(logged: number, target: number, width = 8): string {
  const filled = target <= 0 ? width : Math.min(width, Math.round((logged / target) * width));
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

/** A section of mrkdwn text: most of what the bot says is one of these. */
export function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
