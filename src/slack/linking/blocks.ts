import type { KnownBlock } from '@slack/types';
import type { AccountClaim, EmailCheck, UnlinkResult, WaitingEntries, WhoAmI } from '../../domain/linking.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { formatMinutes, type Message, plain } from '../blocks.ts';
import { minutesOf, whenLine } from '../entry-answers.ts';
import { textsIn } from '../../i18n/texts.ts';
import { linkButton } from '../person.ts';

function tokenStateText(w: WhoAmI): string {
  if (w.tokenState === 'active') return 'active (renewed automatically)';
  if (w.tokenState === 'needs_relink') return 'expired for good: run `/cor link` to link again';
  if (w.tokenState === 'unverified') return 'could not be checked (COR did not answer); it will be retried';
  return 'missing: run `/cor link`';
}

export function whoamiCard(w: WhoAmI): Message {
  const since = w.link.linkedAt.toISOString().slice(0, 10);
  const lines = [
    `Linked as *${plain(w.link.corName)}*${w.link.corEmail ? ` (${plain(w.link.corEmail)})` : ''}, COR user ${w.link.corUserId}, since ${since}.`,
    `COR access: ${tokenStateText(w)}.`,
    `Time zone: ${w.tz} · Language: ${w.locale}`,
  ];
  return { text: lines.join('\n'), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }] };
}

export function unlinkedCard(result: UnlinkResult): Message {
  if (!result.removed) {
    const text = 'You were not linked, so there was nothing to remove.';
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const lines = ['Unlinked. Your COR tokens are deleted; I can no longer act as you in COR.'];
  const entries = (list: TimeEntryRequestRecord[], lead: string) => {
    if (list.length === 0) return;
    lines.push(lead);
    for (const e of list.slice(0, 10)) lines.push(`• ${formatMinutes(minutesOf(e))} on task #${e.taskId}, ${whenLine(textsIn('en'), e, result.tz)}`);
    if (list.length > 10) lines.push(`• …and ${list.length - 10} more`);
  };
  const ended = (state: string) => result.endedEntries.filter((e) => e.state === state);
  entries(ended('cancelled'), 'These were still waiting for COR and *will not be written*:');
  entries(ended('unknown'), 'These *may already be in COR* (COR did not answer an earlier try, and I can no longer check): look in COR before logging them again:');
  entries(result.inFlightEntries, 'These are *being written to COR right now*; I will tell you how each one ends:');
  if (result.discardedTimer) lines.push(`Your running timer on task #${result.discardedTimer.taskId} was discarded.`);
  lines.push('Run `/cor link` whenever you want to link again.');
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** Linked although the emails did not match (LINK_ALLOW_EMAIL_MISMATCH): what the person should know. */
function emailWarning(link: UserLinkRecord, emails: EmailCheck): string | undefined {
  const notYou = 'If that is not you in COR, run `/cor unlink` and link again.';
  if (emails === 'same') return undefined;
  if (emails === 'different' && link.corEmail && link.slackEmail) return `Your COR email (${plain(link.corEmail)}) is not your Slack email (${plain(link.slackEmail)}). ${notYou}`;
  return `I could not compare your COR email with your Slack email (I do not know one of them). ${notYou}`;
}

/** "1 time entry", "3 time entries". */
function entriesCount(n: number): string {
  return `${n} time ${n === 1 ? 'entry' : 'entries'}`;
}

/** What became of the entries that waited for this link, said in the welcome (nothing when none waited). */
function waitingLine(waiting: WaitingEntries, tz: string): string | undefined {
  if (waiting.ended.length > 0) {
    const list = waiting.ended.slice(0, 10).map((e) => `• ${formatMinutes(minutesOf(e))} on task #${e.taskId}, ${whenLine(textsIn('en'), e, tz)}`);
    if (waiting.ended.length > 10) list.push(`• …and ${waiting.ended.length - 10} more`);
    const one = waiting.ended.length === 1;
    return [`${entriesCount(waiting.ended.length)} that waited ${one ? 'was' : 'were'} asked as another COR account, so I did *not* write ${one ? 'it' : 'them'} as this one (look in COR, then log again what is yours):`, ...list].join('\n');
  }
  if (waiting.released > 0) return `${entriesCount(waiting.released)} that waited for you ${waiting.released === 1 ? 'is' : 'are'} being written now; I will tell you when each is logged.`;
  return undefined;
}

export function welcomeMessage(link: UserLinkRecord, emails: EmailCheck, waiting: WaitingEntries): Message {
  const lead = `You are linked to COR as *${plain(link.corName)}*. Things to try:`;
  const tips = ['`/cor log 2h on <task> yesterday`: log time in plain words', '`/cor tasks`: your open tasks', '`/cor whoami`: check the link'].map((t) => `• ${t}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: lead } },
    { type: 'section', text: { type: 'mrkdwn', text: tips } },
  ];
  const warning = emailWarning(link, emails);
  if (warning) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${warning}` }] });
  const waited = waitingLine(waiting, link.tz ?? 'UTC');
  if (waited) blocks.splice(1, 0, { type: 'section', text: { type: 'mrkdwn', text: waited } });
  return { text: [`You are linked to COR as ${plain(link.corName)}.`, ...(waited ? [waited] : [])].join(' '), blocks };
}

/** `waiting`: their entries still to be written, which wait for the re-link. */
export function relinkMessage(consentUrl: string | undefined, waiting: number): Message {
  const kept = waiting > 0 ? ` Your ${entriesCount(waiting)} not yet in COR ${waiting === 1 ? 'is' : 'are'} kept: ${waiting === 1 ? 'it waits' : 'they wait'} for you, and will be written as soon as you link again.` : '';
  const lead = `COR stopped accepting my access for you (your COR session ended or was revoked), so I cannot log time or change tasks for you until you link again.${kept}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lead } }];
  if (consentUrl) blocks.push(linkButton(consentUrl, 'Link again'));
  else blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Run `/cor link` to link again.' }] });
  return { text: lead, blocks };
}

/**
 * To the person who started a link that a COR account not shown to be theirs completed. That account is named only
 * as "another COR user", never by its name or email: those are its owner's, and a link URL travels (forwarded,
 * opened on a shared computer), so a refused link must not tell the asker whose COR session completed it. The
 * owner, when in the workspace, is the one told the details (and who asked).
 */
export function linkRefusedMessage(emails: Exclude<EmailCheck, 'same'>): Message {
  const lead =
    emails === 'different'
      ? 'I did not link you to COR: the COR account that approved your link belongs to another COR user (its email is not your Slack email). A link is only for your own COR account: sign in to COR as yourself and run `/cor link` again.'
      : 'I did not link you to COR: I could not check that the COR account that approved your link is yours, because Slack did not tell me your email (or that COR account has none). Whoever runs the bot can check that the app has the `users:read.email` permission.';
  return { text: lead, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lead } }] };
}

/** To the COR account's owner: another Slack user linked their COR account, or tried to. */
export function accountClaimedMessage(claim: AccountClaim): Message {
  const who = `<@${claim.bySlackUserId}>`;
  const lines = claim.linked
    ? [
        `:warning: ${who} linked your COR account (${plain(claim.corEmail)}) to their own Slack user: someone signed in to COR as you approved the link ${who} started, and this workspace allows links whose emails differ.`,
        `${who} can now log time and change tasks *as you* in COR through me. If that is not what you wanted, ask ${who} to run \`/cor unlink\`, or ask whoever runs the bot to remove the link.`,
      ]
    : [
        `:warning: ${who} tried to link your COR account (${plain(claim.corEmail)}) to their own Slack user: someone signed in to COR as you approved the link ${who} started.`,
        `*Nothing was linked*: ${who} cannot act as you in COR through me. A link is only ever for your own Slack user; to link yours, run \`/cor link\`.`,
      ];
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
