import { afterEach, describe, expect, it } from 'vitest';
import { ReminderService } from '../../src/domain/reminders/service.ts';
import { CorTimes } from '../../src/domain/time-entries/cor-times.ts';
import { SlackReminderMessenger } from '../../src/slack/reminders/messenger.ts';
import { type ListenerHarness, listenerHarness } from '../helpers/bolt.ts';

describe('reminder claims while a slow sweep is still sending', () => {
  let h: ListenerHarness;
  afterEach(() => h.close());

  it('are renewed, so a second instance sweeping meanwhile sends nothing twice', async () => {
    h = await listenerHarness();
    for (let i = 0; i < 8; i++) {
      const link = await h.db.store.links.upsert({ tenantKey: 'T:T0DEMO', slackUserId: `UL${i}`, corUserId: 6 + i, corName: `P${i}`, tz: 'UTC', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      await h.db.store.reminders.saveSetting({ ...(await h.db.store.reminders.getSetting(link.id)), localTime: '00:00', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    }
    // Two "instances" on one store: each sends 4 DMs a second and holds a claim for 1 s unless it renews it.
    const instance = () =>
      new ReminderService({
        links: h.db.store.links,
        reminders: h.db.store.reminders,
        appCor: h.appCor,
        messenger: new SlackReminderMessenger(h.services.clients, h.services.clock, h.services.languages),
        times: new CorTimes(),
        clock: h.services.clock,
        logger: h.services.logger,
        sendsPerSecond: 4,
        leaseMs: 1_000,
      });
    const slow = instance().sweep(h.services.clock.now());
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the first lease: only renewal keeps the claims
    const second = await instance().sweep(h.services.clock.now());
    const first = await slow;
    expect(first.sent + second.sent).toBe(8);
    expect(second.sent).toBe(0);
    const perPerson = new Map<string, number>();
    for (const c of h.slack.callsTo('chat.postMessage')) perPerson.set(String(c.args.channel), (perPerson.get(String(c.args.channel)) ?? 0) + 1);
    expect([...perPerson.values()]).toEqual(Array(8).fill(1));
  });
});
