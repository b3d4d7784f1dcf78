import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../src/slack/app.ts';
import { singleWorkspaceAuthorize } from '../../../src/slack/workspace/authorize.ts';
import { listenerHarness, type ListenerHarness, slashCommandBody } from '../../helpers/bolt.ts';

describe('createSlackApp', () => {
  let h: ListenerHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('builds a Socket Mode app without connecting, and refuses a mode without its credential', async () => {
    const harness = await listenerHarness();
    h = harness;
    const base = { apiUrl: harness.slack.apiUrl, slackTimeoutMs: 2_000, port: 0, host: '127.0.0.1' };
    const identity = singleWorkspaceAuthorize('xoxb-1', { botId: 'B', botUserId: 'U', teamId: 'T' });
    const socket = createSlackApp({ ...base, mode: 'socket', appToken: 'xapp-1', signingSecret: undefined }, harness.services, identity);
    expect(socket.app).toBeDefined();
    expect(() => createSlackApp({ ...base, mode: 'socket', appToken: undefined, signingSecret: undefined }, harness.services, identity)).toThrow(/app-level token/);
    expect(() => createSlackApp({ ...base, mode: 'http', appToken: undefined, signingSecret: undefined }, harness.services, identity)).toThrow(/signing secret/);
  });

  it('serves extra routes beside Slack in HTTP mode, and stops taking requests on stop()', async () => {
    h = await listenerHarness();
    const runtime = createSlackApp(
      { mode: 'http', apiUrl: h.slack.apiUrl, slackTimeoutMs: 2_000, port: 0, host: '127.0.0.1', signingSecret: 's', appToken: undefined },
      h.services,
      singleWorkspaceAuthorize('xoxb-1', { botId: 'B', botUserId: 'U', teamId: 'T' }),
      [{ method: 'GET', path: '/ping', handler: (_req, res) => void res.writeHead(200).end('pong') }],
    );
    await runtime.start();
    const url = `http://127.0.0.1:${runtime.port()}`;
    expect(await (await fetch(`${url}/ping`)).text()).toBe('pong');
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(401);
    await runtime.stop();
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });

  it('tracks listener work so a graceful stop can wait for it', async () => {
    h = await listenerHarness();
    const work = h.services.work;
    const tracked: Promise<unknown>[] = [];
    const track = work.track.bind(work);
    work.track = <T>(p: Promise<T>) => {
      tracked.push(p);
      return track(p);
    };
    await h.app.processEvent({ body: slashCommandBody('help', h.slack), ack: async () => undefined });
    expect(tracked).toHaveLength(1);
    expect(await work.drain(1_000)).toBe(true);
    expect(work.size).toBe(0);
  });
});
