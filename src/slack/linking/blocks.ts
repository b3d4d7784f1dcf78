import type { KnownBlock } from '@slack/types';
import type { LanguageOfPerson } from '../../domain/languages.ts';
import type { AccountClaim, EmailCheck, UnlinkResult, WaitingEntries, WhoAmI } from '../../domain/linking.ts';
import type { Texts } from '../../i18n/texts.ts';
import { localParts } from '../../lib/zoned.ts';
import type { UserLinkRecord } from '../../store/links.ts';
import type { TimeEntryRequestRecord } from '../../store/outbox.ts';
import { type Message, plain, section } from '../blocks.ts';
import { minutesOf } from '../entry-answers.ts';
import { linkButton } from '../person.ts';

/** "• 2h on task #48211, Mon 7 Dec · 09:00–11:00", at most ten, then how many more. */
function entryLines(t: Texts, list: TimeEntryRequestRecord[], tz: string): string[] {
  const lines = list.slice(0, 10).map((e) => {
    const when = `${t.day(localParts(e.start, tz).date)} · ${t.clock(e.start, tz)}–${t.clock(e.stop, tz)}`;
    return t.t('linking.entry', { duration: t.minutes(minutesOf(e)), taskId: String(e.taskId), when });
  });
  if (list.length > 10) lines.push(t.t('linking.more', { n: list.length - 10 }));
  return lines;
}

/** `language`: the language they are spoken to in, and whether they chose it or it follows Slack. */
export function whoamiCard(t: Texts, w: WhoAmI, language: LanguageOfPerson): Message {
  const args = { name: plain(w.link.corName), corUserId: String(w.link.corUserId), since: w.link.linkedAt.toISOString().slice(0, 10) };
  const lines = [
    w.link.corEmail ? t.t('linking.whoami.linkedEmail', { ...args, email: plain(w.link.corEmail) }) : t.t('linking.whoami.linked', args),
    t.t('linking.whoami.access', { state: w.tokenState }),
    t.t('linking.whoami.zone', { tz: w.tz, language: language.language, how: language.chosen ? 'chosen' : 'slack' }),
  ];
  return { text: lines.join('\n'), blocks: [section(lines.join('\n'))] };
}

export function unlinkedCard(t: Texts, result: UnlinkResult): Message {
  if (!result.removed) {
    const text = t.t('linking.unlink.nothing');
    return { text, blocks: [section(text)] };
  }
  const lines = [t.t('linking.unlink.done')];
  const entries = (list: TimeEntryRequestRecord[], lead: string) => {
    if (list.length === 0) return;
    lines.push(lead, ...entryLines(t, list, result.tz));
  };
  const ended = (state: string) => result.endedEntries.filter((e) => e.state === state);
  entries(ended('cancelled'), t.t('linking.unlink.cancelled'));
  entries(ended('unknown'), t.t('linking.unlink.unknown'));
  entries(result.inFlightEntries, t.t('linking.unlink.inFlight'));
  if (result.discardedTimer) lines.push(t.t('linking.unlink.timer', { taskId: String(result.discardedTimer.taskId) }));
  lines.push(t.t('linking.unlink.again'));
  const text = lines.join('\n');
  return { text, blocks: [section(text)] };
}

/** Linked although the emails did not match (LINK_ALLOW_EMAIL_MISMATCH): what the person should know. */
function emailWarning(t: Texts, link: UserLinkRecord, emails: EmailCheck): string | undefined {
  if (emails === 'same') return undefined;
  if (emails === 'different' && link.corEmail && link.slackEmail) return t.t('linking.welcome.emailDifferent', { corEmail: plain(link.corEmail), slackEmail: plain(link.slackEmail) });
  return t.t('linking.welcome.emailUnknown');
}

/** What became of the entries that waited for this link, said in the welcome (nothing when none waited). */
function waitingLine(t: Texts, waiting: WaitingEntries, tz: string): string | undefined {
  if (waiting.ended.length > 0) return [t.t('linking.welcome.ended', { n: waiting.ended.length }), ...entryLines(t, waiting.ended, tz)].join('\n');
  if (waiting.released > 0) return t.t('linking.welcome.released', { n: waiting.released });
  return undefined;
}

export function welcomeMessage(t: Texts, link: UserLinkRecord, emails: EmailCheck, waiting: WaitingEntries): Message {
  const lead = t.t('linking.welcome.lead', { name: plain(link.corName) });
  const tips = [t.t('linking.welcome.tipLog'), t.t('linking.welcome.tipTasks'), t.t('linking.welcome.tipWhoami')].map((tip) => `• ${tip}`).join('\n');
  const blocks: KnownBlock[] = [section(lead), section(tips)];
  const warning = emailWarning(t, link, emails);
  if (warning) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${warning}` }] });
  const waited = waitingLine(t, waiting, link.tz ?? 'UTC');
  if (waited) blocks.splice(1, 0, section(waited));
  return { text: [t.t('linking.welcome.text', { name: plain(link.corName) }), ...(waited ? [waited] : [])].join(' '), blocks };
}

/** `waiting`: their entries still to be written, which wait for the re-link. */
export function relinkMessage(t: Texts, consentUrl: string | undefined, waiting: number): Message {
  const lead = t.t('linking.relink.lead', { n: waiting });
  const blocks: KnownBlock[] = [section(lead)];
  if (consentUrl) blocks.push(linkButton(consentUrl, t.t('linking.relink.button')));
  else blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('linking.relink.run') }] });
  return { text: lead, blocks };
}

/**
 * To the person who started a link that a COR account not shown to be theirs completed. That account is named only
 * as "another COR user", never by its name or email: those are its owner's, and a link URL travels (forwarded,
 * opened on a shared computer), so a refused link must not tell the asker whose COR session completed it. The
 * owner, when in the workspace, is the one told the details (and who asked).
 */
export function linkRefusedMessage(t: Texts, emails: Exclude<EmailCheck, 'same'>): Message {
  const lead = emails === 'different' ? t.t('linking.refused.different') : t.t('linking.refused.unknown');
  return { text: lead, blocks: [section(lead)] };
}

/** To the COR account's owner: another Slack user linked their COR account, or tried to. */
export function accountClaimedMessage(t: Texts, claim: AccountClaim): Message {
  const args = { who: `<@${claim.bySlackUserId}>`, email: plain(claim.corEmail) };
  const lines = claim.linked
    ? [`:warning: ${t.t('linking.claimed.linked', args)}`, t.t('linking.claimed.linkedNow', { who: args.who })]
    : [`:warning: ${t.t('linking.claimed.tried', args)}`, t.t('linking.claimed.nothing', { who: args.who })];
  const text = lines.join('\n');
  return { text, blocks: [section(text)] };
}
