import type { CallbackRefusal, LinkingService } from '../../domain/linking.ts';
import type { Logger } from '../../logger.ts';
import { type HttpRoute, page } from '../routes.ts';

export const COR_CALLBACK_PATH = '/cor/oauth/callback';

const REFUSALS: Record<CallbackRefusal, { status: number; title: string; message: string }> = {
  missing_state: { status: 400, title: 'This link is incomplete', message: 'Start again from Slack with /cor link.' },
  unknown_state: { status: 400, title: 'This link is not valid', message: 'It was not made for this bot. Start again from Slack with /cor link.' },
  used_state: { status: 400, title: 'This link was already used', message: 'Each link works once. Start again from Slack with /cor link.' },
  expired_state: { status: 400, title: 'This link has expired', message: 'Links are good for 10 minutes. Start again from Slack with /cor link.' },
  denied: { status: 400, title: 'Not linked', message: 'You did not allow access in COR, so nothing changed. You can try again any time with /cor link.' },
  missing_code: { status: 400, title: 'COR did not send a code', message: 'Nothing changed. Start again from Slack with /cor link.' },
  exchange_failed: { status: 502, title: 'COR did not confirm the link', message: 'Nothing changed. Please try again in a minute with /cor link.' },
  email_mismatch: {
    status: 403,
    title: 'Not linked: this COR account is not theirs',
    message:
      'The email of the COR account that approved this link is not the Slack email of the person who asked for it, so nothing was linked and no access to this COR account was kept. A link is only ever for your own Slack user: to link yours, run /cor link in Slack and sign in to COR as yourself.',
  },
  email_unknown: {
    status: 403,
    title: 'Not linked: could not check whose COR account this is',
    message:
      'Slack did not tell me the email of the person who asked for this link (or this COR account has none), so I could not check that this COR account is theirs. Nothing was linked and no access to this COR account was kept. Whoever runs the bot can check that the Slack app has the users:read.email permission.',
  },
};

/** GET /cor/oauth/callback: where COR's consent page sends people back. */
export function corOAuthCallbackRoute(linking: LinkingService, logger: Logger): HttpRoute {
  return {
    method: 'GET',
    path: COR_CALLBACK_PATH,
    async handler(_req, res, url) {
      const result = await linking.completeCallback({
        code: url.searchParams.get('code') ?? undefined,
        state: url.searchParams.get('state') ?? undefined,
        error: url.searchParams.get('error') ?? undefined,
      });
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
      if (result.ok) {
        res.writeHead(200, headers).end(page(`Linked as ${result.link.corName}`, 'You can close this tab and go back to Slack.', 'ok'));
        return;
      }
      logger.info({ reason: result.reason }, 'COR callback refused');
      const refusal = REFUSALS[result.reason];
      res.writeHead(refusal.status, headers).end(page(refusal.title, refusal.message, 'error'));
    },
  };
}
