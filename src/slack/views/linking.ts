import type { KnownBlock } from '@slack/types';
import type { CorPerson, UnlinkResult, WhoAmI } from '../../domain/linking.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import { plain } from './help.ts';
import { ACTIONS } from './ids.ts';

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

function linkButton(url: string, label: string): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTIONS.openCorConsent, text: { type: 'plain_text', text: label }, url, style: 'primary' }],
  };
}

/** The card that asks a person to link (or re-link) their COR account. */
export function linkCard(opts: { consentUrl: string; guess?: CorPerson | undefined; reason?: 'not_linked' | 'needs_relink' | 'relink' | undefined; linkedAs?: string | undefined }): Message {
  const lead =
    opts.reason === 'needs_relink'
      ? 'COR no longer accepts my access for you. Link your COR account again to go on.'
      : opts.reason === 'relink' && opts.linkedAs
        ? `You are linked as *${plain(opts.linkedAs)}*. To switch or refresh the link, go through COR again.`
        : opts.reason === 'not_linked'
          ? 'First, link your COR account so I can act as you in COR.'
          : 'Link your COR account so I can log time and move tasks as you.';
  const guessLine = opts.guess ? `You are *${plain(opts.guess.name)}* in COR? Link to let me log time for you.` : undefined;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lead } }];
  if (guessLine) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: guessLine } });
  blocks.push(linkButton(opts.consentUrl, opts.reason === 'needs_relink' || opts.reason === 'relink' ? 'Link again' : 'Link my COR account'));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'The link opens COR and is good for 10 minutes, once.' }] });
  return { text: [lead, guessLine].filter(Boolean).join(' '), blocks };
}

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
  if (result.cancelledEntries.length > 0) {
    lines.push(`${result.cancelledEntries.length} time ${result.cancelledEntries.length === 1 ? 'entry that was' : 'entries that were'} still waiting to be written to COR will not be written:`);
    for (const e of result.cancelledEntries.slice(0, 10)) {
      const hours = ((e.stop.getTime() - e.start.getTime()) / 3_600_000).toFixed(2).replace(/\.?0+$/, '');
      lines.push(`• ${hours}h on task #${e.taskId}, from ${e.start.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    }
  }
  if (result.discardedTimer) lines.push(`Your running timer on task #${result.discardedTimer.taskId} was discarded.`);
  lines.push('Run `/cor link` whenever you want to link again.');
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export function welcomeMessage(link: UserLinkRecord, warnings: string[]): Message {
  const lead = `You are linked to COR as *${plain(link.corName)}*. Things to try:`;
  const tips = ['`/cor log 2h on <task> yesterday`: log time in plain words', '`/cor tasks`: your open tasks', '`/cor whoami`: check the link'].map((t) => `• ${t}`).join('\n');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: lead } },
    { type: 'section', text: { type: 'mrkdwn', text: tips } },
  ];
  for (const w of warnings) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${plain(w)}` }] });
  return { text: `You are linked to COR as ${plain(link.corName)}.`, blocks };
}

export function relinkMessage(consentUrl: string | undefined): Message {
  const lead = 'COR stopped accepting my access for you (your COR session ended or was revoked), so I cannot log time or change tasks for you until you link again.';
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lead } }];
  if (consentUrl) blocks.push(linkButton(consentUrl, 'Link again'));
  else blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Run `/cor link` to link again.' }] });
  return { text: lead, blocks };
}
