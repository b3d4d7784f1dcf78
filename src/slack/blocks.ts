import type { KnownBlock } from '@slack/types';
import { localParts } from '../lib/zoned.ts';

// Durations are worded the same in Slack and in the domain's reasons (reminder previews).
export { formatHours, formatMinutes } from '../lib/duration-text.ts';

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

const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 17 Nov" for a YYYY-MM-DD date */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAY[w === 0 ? 7 : w]} ${d} ${MONTH[m]}`;
}

/** "09:00" in the person's zone */
export function formatClock(instant: Date, tz: string): string {
  const p = localParts(instant, tz);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
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
