import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE, FakeSlack } from '../../tools/fake-slack/server.ts';

describe('fake Slack with the real WebClient', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeEach(async () => {
    slack = await new FakeSlack().start();
    client = new WebClient(DEFAULT_WORKSPACE.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 20 } });
  });
  afterEach(() => slack.stop());

  it('answers users.info with tz, locale and email, and lookupByEmail case-insensitively', async () => {
    const info = await client.users.info({ user: 'U01JANE', include_locale: true });
    expect(info.user).toMatchObject({ tz: 'America/Argentina/Buenos_Aires', locale: 'es-LA', profile: { email: 'jane.doe@acme.example' } });
    expect((await client.users.lookupByEmail({ email: 'JOHN.SMITH@acme.example' })).user?.id).toBe('U02JOHN');
    await expect(client.users.info({ user: 'UNOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
  });

  it('records posts with their blocks, opens DMs and keeps view ids across updates', async () => {
    const dm = await client.conversations.open({ users: 'U01JANE' });
    const posted = await client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] });
    expect(posted.ts).toBeTruthy();
    expect(slack.callsTo('chat.postMessage')[0]?.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
    const opened = await client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } });
    const updated = await client.views.update({ view_id: opened.view?.id ?? '', view: { type: 'modal', title: { type: 'plain_text', text: 'y' }, blocks: [] } });
    expect(updated.view?.id).toBe(opened.view?.id);
  });

  it('paces with 429 and Retry-After, which the WebClient waits out', async () => {
    slack.setRateLimit('chat.postMessage', 2);
    const started = Date.now();
    await Promise.all([1, 2, 3].map((n) => client.chat.postMessage({ channel: 'U01JANE', text: `m${n}` })));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('refuses an image block showing a file it never received (views.publish and messages), as Slack does', async () => {
    const image = (id: string) => ({ type: 'image' as const, slack_file: { id }, alt_text: 'chart' });
    await expect(client.views.publish({ user_id: 'U01JANE', view: { type: 'home', blocks: [image('F0NOTHING')] } })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [image('F0NOTHING')] })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const uploaded = await client.filesUploadV2({ filename: 'week.png', file: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const id = uploaded.files[0]?.files?.[0]?.id ?? '';
    expect((await client.views.publish({ user_id: 'U01JANE', view: { type: 'home', blocks: [image(id)] } })).ok).toBe(true);
  });

  it('refuses a response_url post showing a file it never received, and takes one it did (an upload shared in no channel)', async () => {
    const image = (id: string) => ({ type: 'image', slack_file: { id }, alt_text: 'chart' });
    const post = (blocks: unknown[]) => fetch(slack.newResponseUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', blocks }) });
    expect((await post([image('F0NOTHING')])).status).toBe(400);
    const uploaded = await client.filesUploadV2({ filename: 'hours.png', file: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const id = uploaded.files[0]?.files?.[0]?.id ?? '';
    expect(slack.files.find((f) => f.id === id)?.channel).toBeUndefined();
    expect((await post([image(id)])).status).toBe(200);
    expect(slack.responses).toHaveLength(1);
  });

  it('refuses an unknown token', async () => {
    const stranger = new WebClient('xoxb-not-installed', { slackApiUrl: slack.apiUrl });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });
});
