import type { IncomingMessage } from 'node:http';
import { InstallProvider } from '@slack/oauth';
import { type Texts, textsIn } from '../../i18n/texts.ts';
import type { Language } from '../../lib/language.ts';
import { boltLogger, type Logger } from '../../logger.ts';
import { BOT_SCOPES } from '../ids.ts';
import { slackClientOptions } from '../slack-client.ts';
import { browserLanguage, type HttpRoute, page } from '../routes.ts';
import { prismaInstallationStore } from './installation-store.ts';
import type { Installations } from './installations.ts';

const INSTALL_PATH = '/slack/install';
const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

export interface SlackInstallSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  authorizeUrl: string;
  apiUrl: string;
  /** `SLACK_TIMEOUT_MS` */
  timeoutMs: number;
  publicUrl: string;
  /** `DEFAULT_LANGUAGE`: the pages' language when the browser asks for none the bot speaks */
  defaultLanguage: Language;
}

/** Slack's OAuth install (Bolt's InstallProvider): GET /slack/install and the redirect back (its page in the browser's language). */
export function slackInstallRoutes(settings: SlackInstallSettings, installations: Installations, logger: Logger): HttpRoute[] {
  const redirectUri = `${settings.publicUrl}${SLACK_REDIRECT_PATH}`;
  const installer = new InstallProvider({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    stateSecret: settings.stateSecret,
    installationStore: prismaInstallationStore(installations),
    authorizationUrl: settings.authorizeUrl,
    clientOptions: slackClientOptions({ apiUrl: settings.apiUrl, timeoutMs: settings.timeoutMs }),
    logger: boltLogger(logger),
    directInstall: true,
  });
  const installUrlOptions = { scopes: [...BOT_SCOPES], redirectUri };
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  const textsOf = (req: IncomingMessage): Texts => textsIn(browserLanguage(req) ?? settings.defaultLanguage);
  return [
    { method: 'GET', path: INSTALL_PATH, handler: (req, res) => installer.handleInstallPath(req, res, {}, installUrlOptions) },
    {
      method: 'GET',
      path: SLACK_REDIRECT_PATH,
      handler: (req, res) =>
        installer.handleCallback(
          req,
          res,
          {
            success: (installation, _opts, browser, out) => {
              logger.info({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id }, 'installed');
              const t = textsOf(browser);
              out.writeHead(200, html).end(page(t.language, t.t('workspace.installed.title'), t.t('workspace.installed.message'), 'ok'));
            },
            failure: (error, _opts, browser, out) => {
              logger.warn({ err: error, code: error.code }, 'Slack install failed');
              const t = textsOf(browser);
              out.writeHead(400, html).end(page(t.language, t.t('workspace.failed.title'), t.t('workspace.failed.message'), 'error'));
            },
          },
          installUrlOptions,
        ),
    },
  ];
}
