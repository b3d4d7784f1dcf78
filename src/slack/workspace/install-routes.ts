import { InstallProvider } from '@slack/oauth';
import { boltLogger, type Logger } from '../../logger.ts';
import { BOT_SCOPES } from '../ids.ts';
import { slackClientOptions } from '../slack-client.ts';
import { type HttpRoute, page } from '../routes.ts';
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
}

/** Slack's OAuth install (Bolt's InstallProvider): GET /slack/install and the redirect back. */
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
            success: (installation, _opts, _req, out) => {
              logger.info({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id }, 'installed');
              out.writeHead(200, html).end(page('COR is installed', 'Go back to Slack and try /cor help, then /cor link.', 'ok'));
            },
            failure: (error, _opts, _req, out) => {
              logger.warn({ err: error, code: error.code }, 'Slack install failed');
              out.writeHead(400, html).end(page('The installation did not finish', 'Nothing was installed. Please start again from the install link.', 'error'));
            },
          },
          installUrlOptions,
        ),
    },
  ];
}
