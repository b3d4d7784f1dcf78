import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderChart } from '../../../src/lib/charts.ts';
import { uploadFile } from '../../../src/slack/files.ts';
import { slackClient } from '../../../src/slack/slack-client.ts';
import { slackFailureOf } from '../../../src/slack/slack-errors.ts';
import { DEFAULT_WORKSPACE, FakeSlack } from '../../../tools/fake-slack/server.ts';
import { isPng, pngSize } from '../../helpers/png.ts';

describe('uploadFile: the files.uploadV2 sequence to the fake Slack over real HTTP', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeEach(async () => {
    slack = await new FakeSlack().start();
    client = slackClient(DEFAULT_WORKSPACE.botToken, { apiUrl: slack.apiUrl, timeoutMs: 2_000 });
  });
  afterEach(() => slack.stop());

  it('shares a chart PNG in a thread: the bytes that arrive are a real PNG of the size announced', async () => {
    const png = renderChart({
      kind: 'bars',
      periods: ['Mon', 'Tue'],
      series: [{ name: 'Acme', values: [3, 5] }],
      labels: { other: 'Other', total: 'Total' },
      format: (v) => `${v} h`,
    });
    const id = await uploadFile(client, {
      channel: 'C0GENERAL',
      threadTs: '1765000000.000100',
      filename: 'week.png',
      bytes: png,
      title: 'Your week',
      altText: 'Acme: 8 h',
      initialComment: 'Your week so far',
    });
    expect(slack.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(slack.files).toHaveLength(1);
    const [file] = slack.files;
    expect(file).toMatchObject({ id, filename: 'week.png', title: 'Your week', altText: 'Acme: 8 h', completed: true, channel: 'C0GENERAL', threadTs: '1765000000.000100', initialComment: 'Your week so far' });
    const bytes = file?.bytes ?? Buffer.alloc(0);
    expect(isPng(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 1000, height: 500 });
    expect(bytes.length).toBe(file?.length);
    expect(bytes.equals(png)).toBe(true);
  });

  it('shares a CSV in a DM, its text byte for byte', async () => {
    const csv = 'person,hours\r\n"Souza, Ana",7.5\r\nJosé,2\r\n';
    await uploadFile(client, { channel: 'D01JANE', filename: 'acme-november.csv', bytes: Buffer.from(csv, 'utf8') });
    expect(slack.files.map((f) => ({ name: f.filename, channel: f.channel, threadTs: f.threadTs, text: f.bytes?.toString('utf8') }))).toEqual([
      { name: 'acme-november.csv', channel: 'D01JANE', threadTs: undefined, text: csv },
    ]);
  });

  it('makes each call once: a refused completion comes back to the caller, and the file is not shared', async () => {
    slack.failNext('files.completeUploadExternal', 'not_in_channel');
    const failure = await uploadFile(client, { channel: 'C0PRIVATE', filename: 'week.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }).then(() => undefined, slackFailureOf);
    expect(failure).toEqual({ error: 'not_in_channel', answered: true });
    expect(slack.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(slack.files.map((f) => f.completed)).toEqual([false]);
  });
});
