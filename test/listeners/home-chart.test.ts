import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import type { FakeFile } from '../../tools/fake-slack/server.ts';
import { type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { isPng, pngSize } from '../helpers/png.ts';

/** An image block of a published view. */
interface ImageBlock {
  type: 'image';
  slack_file?: { id?: string };
  alt_text?: string;
}

describe('App Home shows the week as a chart', () => {
  let h: ListenerHarness;

  beforeEach(async () => {
    // Wednesday 18 Nov 2026, 18:00 in Buenos Aires: Home's week is Monday 16 to Sunday 22.
    h = await listenerHarness({ clock: new ManualClock('2026-11-18T21:00:00Z') });
    await h.linkStored('U01JANE', 2, 'Jane Doe', 'America/Argentina/Buenos_Aires');
  });
  afterEach(() => h.close());

  let seq = 0;
  const open = () =>
    h.send({ type: 'event_callback', team_id: 'T0DEMO', api_app_id: 'A0COR', token: 'x', event_id: `EvChart${++seq}`, event_time: 1, event: { type: 'app_home_opened', user: 'U01JANE', channel: 'D1', tab: 'home', event_ts: '1.1' } });
  const lastView = () => h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U01JANE').at(-1)?.args.view as { blocks: { type: string }[] } | undefined;
  const images = () => (lastView()?.blocks ?? []).filter((b): b is ImageBlock => b.type === 'image');
  const uploaded = (): FakeFile[] => h.slack.files;

  it('uploads a real PNG through files.uploadV2, shared in no channel, and the published image block shows that file with its numbers', async () => {
    await open();
    expect(uploaded()).toHaveLength(1);
    const [file] = uploaded() as [FakeFile];
    expect(file.completed).toBe(true);
    expect(file.channel).toBeUndefined();
    expect(isPng(file.bytes as Buffer)).toBe(true);
    expect(pngSize(file.bytes as Buffer)).toEqual({ width: 1000, height: 500 });
    const [image] = images();
    expect(image?.slack_file?.id).toBe(file.id);
    expect(image?.alt_text).toMatch(/^Your week, day by day\. .*In all: .* and Target: 40 h$/);
    expect(file.altText).toBe(image?.alt_text);
  });

  it('opening Home again with the same numbers uploads nothing new and shows the same file', async () => {
    await open();
    await open();
    expect(h.slack.callsTo('views.publish').filter((c) => c.args.user_id === 'U01JANE')).toHaveLength(2);
    expect(uploaded()).toHaveLength(1);
    expect(images()[0]?.slack_file?.id).toBe(uploaded()[0]?.id);
  });

  it('after a /cor log the chart is drawn anew, with the new hours stacked by project', async () => {
    await open();
    const before = images()[0]?.alt_text;
    await h.send(slashCommandBody('log 2h #48211 today', h.slack));
    await h.services.work.drain(5_000);
    expect(uploaded()).toHaveLength(2);
    const [image] = images();
    expect(image?.slack_file?.id).toBe(uploaded()[1]?.id);
    expect(image?.alt_text).not.toBe(before);
    expect(before).toContain('Homepage redesign: 3 h');
    expect(image?.alt_text).toContain('Homepage redesign: 5 h, Mobile app: 4.5 h, Campaña Verano: 2 h, In all: 11.5 h');
    // The chart it replaced is shown nowhere now: deleted, after Home shows the new one.
    expect(h.slack.callsTo('files.delete').map((c) => c.args.file)).toEqual([uploaded()[0]?.id]);
    expect(uploaded().map((f) => f.deleted)).toEqual([true, false]);
  });

  it('a superseded chart Slack does not delete is only logged: Home shows the new one', async () => {
    await open();
    h.slack.failNext('files.delete', 'internal_error');
    await h.send(slashCommandBody('log 2h #48211 today', h.slack));
    await h.services.work.drain(5_000);
    expect(images()[0]?.slack_file?.id).toBe(uploaded()[1]?.id);
    expect(h.logText()).toContain('a superseded App Home chart was not deleted');
  });

  it('a refused upload still publishes Home, without the chart (logged); the next open uploads it', async () => {
    h.slack.failNext('files.getUploadURLExternal', 'internal_error');
    await open();
    expect(JSON.stringify(lastView())).toContain('*This week*');
    expect(images()).toHaveLength(0);
    expect(h.logText()).toContain('App Home without its week chart');
    await open();
    expect(images()[0]?.slack_file?.id).toBe(uploaded().find((f) => f.completed)?.id);
  });

  it('a chart Slack no longer has (deleted meanwhile): Home is published without it, and the next open uploads it anew', async () => {
    await open();
    h.slack.files.splice(0); // deleted in Slack
    await open();
    expect(JSON.stringify(lastView())).toContain('*This week*');
    expect(images()).toHaveLength(0);
    await open();
    expect(uploaded()).toHaveLength(1);
    expect(images()[0]?.slack_file?.id).toBe(uploaded()[0]?.id);
  });
});
