import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('deployment samples match the bot', () => {
  it('the container file starts the bot the README way, in HTTP mode, and checks /healthz', () => {
    const file = read('tools/deploy/Containerfile');
    expect(file).toContain('CMD ["npm", "start"]');
    expect(file).toContain('SLACK_MODE=http');
    expect(file).toContain("fetch('http://127.0.0.1:3000/healthz')");
    expect(file).toContain('PORT=3000');
  });

  it('the systemd unit starts it the same way and stops it with SIGTERM', () => {
    const unit = read('tools/deploy/cor-slack.service');
    expect(unit).toContain('ExecStart=/usr/bin/npm start');
    expect(unit).toContain('KillSignal=SIGTERM');
    expect(unit).toContain('SLACK_MODE=http');
  });

  it('the settings they fix are ones the bot reads and accepts', () => {
    const config = loadConfig({ NODE_ENV: 'production', SLACK_MODE: 'http', HOST: '0.0.0.0', PORT: '3000', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', COR_API_KEY: 'k', COR_CLIENT_SECRET: 'c', TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), DATABASE_URL: 'postgresql://cor@db:5432/cor' });
    expect(config.slack.mode).toBe('http');
    expect(config.http.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgresql://cor@db:5432/cor');
  });
});
