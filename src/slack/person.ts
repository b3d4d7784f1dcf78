import type { KnownBlock } from '@slack/types';
import { DEFAULT_LOCALE, DEFAULT_TZ, type CorPerson } from '../domain/linking.ts';
import { AppError, toUserMessage } from '../errors.ts';
import { type Texts, textsIn } from '../i18n/texts.ts';
import type { UserLinkRecord } from '../store/links.ts';
import { type Message, plain } from './blocks.ts';
import { ACTIONS } from './ids.ts';
import { type SlashCommand, tenantOfCommand } from './payloads.ts';
import type { Respond } from './respond.ts';
import type { SlackServices } from './services.ts';

/** The zone and language to read a person's words in: the link's, else their Slack profile's. */
export async function zoneOf(services: SlackServices, link: UserLinkRecord): Promise<{ tz: string; locale: string }> {
  if (link.tz) return { tz: link.tz, locale: link.locale ?? DEFAULT_LOCALE };
  const profile = await services.directory.profile(link.tenantKey, link.slackUserId).catch(() => undefined);
  return { tz: profile?.tz ?? DEFAULT_TZ, locale: profile?.locale ?? link.locale ?? DEFAULT_LOCALE };
}

/**
 * The words of a person's language: their choice, else their Slack language, else the workspace default (also when
 * the store does not answer). `askSlack: false` before an ack (no Slack call).
 */
export async function textsFor(services: Pick<SlackServices, 'languages'>, tenantKey: string, slackUserId: string, whose: { link?: UserLinkRecord | undefined; askSlack?: boolean } = {}): Promise<Texts> {
  const language = await services.languages.of(tenantKey, slackUserId, whose).catch(() => services.languages.defaultLanguage);
  return textsIn(language);
}

/** The words of a linked person's language. */
export function textsOfLink(services: Pick<SlackServices, 'languages'>, link: UserLinkRecord): Promise<Texts> {
  return textsFor(services, link.tenantKey, link.slackUserId, { link });
}

/** The button that opens COR's consent page (a URL button: Slack still sends the click, which is acknowledged). */
export function linkButton(url: string, label: string): KnownBlock {
  return {
    type: 'actions',
    elements: [{ type: 'button', action_id: ACTIONS.openCorConsent, text: { type: 'plain_text', text: label }, url, style: 'primary' }],
  };
}

/** The card that asks a person to link (or re-link) their COR account. */
export function linkCard(t: Texts, opts: { consentUrl: string; guess?: CorPerson | undefined; reason?: 'not_linked' | 'needs_relink' | 'relink' | undefined; linkedAs?: string | undefined }): Message {
  const lead =
    opts.reason === 'needs_relink'
      ? t.t('link.card.needsRelink')
      : opts.reason === 'relink' && opts.linkedAs
        ? t.t('link.card.relink', { name: plain(opts.linkedAs) })
        : opts.reason === 'not_linked'
          ? t.t('link.card.notLinked')
          : t.t('link.card.lead');
  const guessLine = opts.guess ? t.t('link.card.guess', { name: plain(opts.guess.name) }) : undefined;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lead } }];
  if (guessLine) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: guessLine } });
  blocks.push(linkButton(opts.consentUrl, opts.reason === 'needs_relink' || opts.reason === 'relink' ? t.t('link.card.again') : t.t('link.card.button')));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.t('link.card.footer') }] });
  return { text: [lead, guessLine].filter(Boolean).join(' '), blocks };
}

/** Who asked: a slash command's sender, or someone who wrote to the bot. */
export type Asker = SlashCommand | { tenantKey: string; userId: string };

function whoAsked(asker: Asker): { tenantKey: string; userId: string } {
  return 'user_id' in asker ? { tenantKey: tenantOfCommand(asker), userId: asker.user_id } : asker;
}

/** For requests that need a link: the link card instead of an error when there is none (or it lapsed). */
export async function answerWithLinkCard(services: SlackServices, respond: Respond, asker: Asker, reason: 'not_linked' | 'needs_relink'): Promise<void> {
  const who = whoAsked(asker);
  const t = await textsFor(services, who.tenantKey, who.userId);
  try {
    const consentUrl = await services.linking.consentUrl(who.tenantKey, who.userId);
    await respond({ response_type: 'ephemeral', ...linkCard(t, { consentUrl, reason }) });
  } catch (err) {
    await respond({ response_type: 'ephemeral', text: toUserMessage(err, t) });
  }
}

/** Runs `work` with the caller's link, or answers with the link card (after the ack) when there is none. */
export async function withLinkOrCard(services: SlackServices, respond: Respond, asker: Asker, work: (link: UserLinkRecord) => Promise<void>): Promise<void> {
  let link: UserLinkRecord;
  try {
    const who = whoAsked(asker);
    link = await services.linking.requireLink(who.tenantKey, who.userId);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'not_linked' || err.code === 'needs_relink')) return answerWithLinkCard(services, respond, asker, err.code);
    throw err;
  }
  await work(link);
}
