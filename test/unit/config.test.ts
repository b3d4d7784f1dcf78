import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const minimalSocket = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_APP_TOKEN: 'xapp-1',
  COR_API_KEY: 'k',
  COR_CLIENT_SECRET: 's',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(minimalSocket);
    expect(config.slack.mode).toBe('socket');
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.slack.timeoutMs).toBe(10_000);
    expect(config.http).toEqual({ port: 3000, host: '0.0.0.0', publicUrl: undefined });
    expect(config.databaseUrl).toBe('file:./data/cor-slack.db');
    expect(config.cor.apiUrl).toBe('https://api.projectcor.com/v1');
    expect(config.cor.integrationsUrl).toBe('https://integrations.projectcor.com');
    expect(config.logLevel).toBe('info');
    expect(config.tokenEncryptionKey).toBeUndefined();
    expect(config.workLeaseMs).toBe(45_000); // renewed while the work runs: a stopped instance's work waits under a minute
  });

  it('speaks DEFAULT_LANGUAGE (en unless set) to people it knows nothing of', () => {
    expect(loadConfig(minimalSocket).defaultLanguage).toBe('en');
    expect(loadConfig({ ...minimalSocket, DEFAULT_LANGUAGE: 'es' }).defaultLanguage).toBe('es');
    expect(problemsOf({ ...minimalSocket, DEFAULT_LANGUAGE: 'fr' })).toEqual(['DEFAULT_LANGUAGE must be one of en, es, pt']);
  });

  it('refuses links whose COR email is not the Slack email unless LINK_ALLOW_EMAIL_MISMATCH=true', () => {
    expect(loadConfig(minimalSocket).linkAllowEmailMismatch).toBe(false);
    expect(loadConfig({ ...minimalSocket, LINK_ALLOW_EMAIL_MISMATCH: 'true' }).linkAllowEmailMismatch).toBe(true);
    expect(loadConfig({ ...minimalSocket, LINK_ALLOW_EMAIL_MISMATCH: 'false' }).linkAllowEmailMismatch).toBe(false);
    expect(problemsOf({ ...minimalSocket, LINK_ALLOW_EMAIL_MISMATCH: 'yes' })).toEqual(['LINK_ALLOW_EMAIL_MISMATCH must be true or false']);
  });

  it('lists every missing setting at once, each with how to fix it', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/SLACK_BOT_TOKEN is missing: create the app from manifest\.yml.*Bot User OAuth Token/);
    expect(problems.join('\n')).toMatch(/SLACK_APP_TOKEN is missing: .*connections:write/);
    expect(problems.join('\n')).toMatch(/COR_API_KEY is missing/);
    expect(problems.join('\n')).toMatch(/COR_CLIENT_SECRET is missing/);
  });

  it('HTTP mode needs the signing secret, not the app token', () => {
    const problems = problemsOf({ ...minimalSocket, SLACK_APP_TOKEN: '', SLACK_MODE: 'http' });
    expect(problems).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: .*Signing Secret/)]);
  });

  it('reports malformed values together', () => {
    const problems = problemsOf({ ...minimalSocket, PORT: 'eighty', SLACK_MODE: 'carrier-pigeon', COR_API_URL: 'not a url', LOG_LEVEL: 'loud', SLACK_TIMEOUT_MS: '5s' });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toContain('SLACK_TIMEOUT_MS must be a whole number of milliseconds');
    expect(problems.join('\n')).toContain('PORT must be a whole number');
    expect(problems.join('\n')).toContain('SLACK_MODE must be "socket" or "http"');
    expect(problems.join('\n')).toContain('COR_API_URL must be an http(s) URL');
    expect(problems.join('\n')).toContain('LOG_LEVEL');
  });

  it('checks token prefixes and the encryption key shape', () => {
    const problems = problemsOf({ ...minimalSocket, SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'nope', TOKEN_ENCRYPTION_KEY: 'short' });
    expect(problems).toEqual([
      expect.stringContaining('xoxb-'),
      expect.stringContaining('xapp-'),
      expect.stringContaining('TOKEN_ENCRYPTION_KEY must be 32 bytes'),
    ]);
  });

  it('requires TOKEN_ENCRYPTION_KEY in production and accepts a good one', () => {
    expect(problemsOf({ ...minimalSocket, NODE_ENV: 'production' })).toEqual([expect.stringContaining('required when NODE_ENV=production')]);
    expect(loadConfig({ ...minimalSocket, NODE_ENV: 'production', TOKEN_ENCRYPTION_KEY: KEY }).tokenEncryptionKey).toBe(KEY);
  });

  it('treats empty values as unset and trims URL slashes', () => {
    const config = loadConfig({ ...minimalSocket, PUBLIC_URL: 'https://bot.example/', COR_API_URL: 'http://127.0.0.1:9/v1/', SLACK_API_URL: 'http://127.0.0.1:8/api', HOST: '' });
    expect(config.http.publicUrl).toBe('https://bot.example');
    expect(config.cor.apiUrl).toBe('http://127.0.0.1:9/v1');
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:8/api/');
    expect(config.http.host).toBe('0.0.0.0');
  });

  it('switches to a multi-workspace install with the Slack OAuth credentials, needing the state secret and PUBLIC_URL', () => {
    const problems = problemsOf({ SLACK_APP_TOKEN: 'xapp-1', COR_API_KEY: 'k', COR_CLIENT_SECRET: 's', SLACK_CLIENT_ID: 'id' });
    expect(problems).toEqual([
      expect.stringContaining('SLACK_CLIENT_SECRET is missing'),
      expect.stringContaining('SLACK_STATE_SECRET is missing'),
      expect.stringContaining('PUBLIC_URL is missing'),
    ]);
    const config = loadConfig({
      SLACK_APP_TOKEN: 'xapp-1',
      COR_API_KEY: 'k',
      COR_CLIENT_SECRET: 's',
      SLACK_CLIENT_ID: 'id',
      SLACK_CLIENT_SECRET: 'secret',
      SLACK_STATE_SECRET: 'state',
      PUBLIC_URL: 'https://bot.example',
    });
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth).toEqual({ clientId: 'id', clientSecret: 'secret', stateSecret: 'state', authorizeUrl: 'https://slack.com/oauth/v2/authorize' });
    expect(config.cor.appName).toBe('cor-slack');
  });
});

describe('a malformed value does not hide the rest', () => {
  it('says what is missing too when a value is malformed: every problem at once', () => {
    const problems = problemsOf({ SLACK_MODE: 'http', PORT: 'x' });
    expect(problems.join('\n')).toContain('PORT must be a whole number');
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'COR_API_KEY', 'COR_CLIENT_SECRET']) expect(problems.join('\n')).toContain(`${name} is missing`);
  });
});
