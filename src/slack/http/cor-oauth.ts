import type { IncomingMessage } from 'node:http';
import type { PeopleLanguages } from '../../domain/languages.ts';
import type { CallbackRefusal, CallbackResult, LinkingService } from '../../domain/linking.ts';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { Logger } from '../../logger.ts';
import { browserLanguage, type HttpRoute, page } from '../routes.ts';

export const COR_CALLBACK_PATH = '/cor/oauth/callback';

const REFUSALS: Record<CallbackRefusal, { status: number; title: (t: Texts) => string; message: (t: Texts) => string }> = {
  missing_state: { status: 400, title: (t) => t.t('page.missing_state.title'), message: (t) => t.t('page.missing_state.message') },
  unknown_state: { status: 400, title: (t) => t.t('page.unknown_state.title'), message: (t) => t.t('page.unknown_state.message') },
  used_state: { status: 400, title: (t) => t.t('page.used_state.title'), message: (t) => t.t('page.used_state.message') },
  expired_state: { status: 400, title: (t) => t.t('page.expired_state.title'), message: (t) => t.t('page.expired_state.message') },
  denied: { status: 400, title: (t) => t.t('page.denied.title'), message: (t) => t.t('page.denied.message') },
  missing_code: { status: 400, title: (t) => t.t('page.missing_code.title'), message: (t) => t.t('page.missing_code.message') },
  exchange_failed: { status: 502, title: (t) => t.t('page.exchange_failed.title'), message: (t) => t.t('page.exchange_failed.message') },
  email_mismatch: { status: 403, title: (t) => t.t('page.email_mismatch.title'), message: (t) => t.t('page.email_mismatch.message') },
  email_unknown: { status: 403, title: (t) => t.t('page.email_unknown.title'), message: (t) => t.t('page.email_unknown.message') },
};

/**
 * The page's language: the Slack user's who asked for the link (the state says who), else the browser's
 * (Accept-Language), else the workspace default.
 */
async function pageTexts(languages: PeopleLanguages, result: CallbackResult, req: IncomingMessage): Promise<Texts> {
  const asker = result.ok ? { tenantKey: result.link.tenantKey, slackUserId: result.link.slackUserId } : result.asker;
  if (asker) {
    const link = result.ok ? result.link : undefined;
    const language = await languages.of(asker.tenantKey, asker.slackUserId, { link }).catch(() => undefined);
    if (language) return textsIn(language);
  }
  return textsIn(browserLanguage(req) ?? languages.defaultLanguage);
}

/** GET /cor/oauth/callback: where COR's consent page sends people back. */
export function corOAuthCallbackRoute(services: { linking: LinkingService; languages: PeopleLanguages }, logger: Logger): HttpRoute {
  return {
    method: 'GET',
    path: COR_CALLBACK_PATH,
    async handler(req, res, url) {
      const result = await services.linking.completeCallback({
        code: url.searchParams.get('code') ?? undefined,
        state: url.searchParams.get('state') ?? undefined,
        error: url.searchParams.get('error') ?? undefined,
      });
      // A new link brings its Slack locale: what was known of the person is read again.
      if (result.ok) services.languages.forget(result.link.tenantKey, result.link.slackUserId);
      const t = await pageTexts(services.languages, result, req);
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
      if (result.ok) {
        res.writeHead(200, headers).end(page(t.language, t.t('page.linked.title', { name: result.link.corName }), t.t('page.linked.message'), 'ok'));
        return;
      }
      logger.info({ reason: result.reason }, 'COR callback refused');
      const refusal = REFUSALS[result.reason];
      res.writeHead(refusal.status, headers).end(page(t.language, refusal.title(t), refusal.message(t), 'error'));
    },
  };
}
