import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.ts';
import { createPrismaClient, type PrismaClient } from '../../src/store/prisma.ts';
import { buttonClick, type ListenerHarness, listenerHarness, slashCommandBody } from '../helpers/bolt.ts';
import { responsesTo, waitForResponse } from '../helpers/linking.ts';
import { buttonValue } from '../helpers/payloads.ts';

const BA = 'America/Argentina/Buenos_Aires';
/** Wednesday 18 Nov 2026, 18:00 in Buenos Aires */
const WEDNESDAY_1800 = '2026-11-18T21:00:00Z';
const JANE = 2;
const HOUR = 60 * 60_000;

/** Queued entries of someone whose COR access ends for good wait for their re-link, and are written after it. */
describe('queued entries when the link needs renewing', () => {
  let h: ListenerHarness;
  let clock: ManualClock;
  let db: PrismaClient;

  beforeEach(async () => {
    clock = new ManualClock(WEDNESDAY_1800);
    h = await listenerHarness({ clock, undoSeconds: 10 });
    db = createPrismaClient(h.db.databaseUrl);
    await h.linkStored('U01JANE', JANE, 'Jane Doe', BA);
  });
  afterEach(async () => {
    await db.$disconnect();
    await h.close();
  });

  const rows = () => db.timeEntryRequest.findMany({ orderBy: { taskId: 'asc' } });
  const written = () => h.cor.requestsTo('POST', '/hours').filter((r) => r.status === 200);
  const dms = () => h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').map((c) => String(c.args.text));
  /** The outbox worker's pass, as it runs every 2 s. */
  const outboxPass = async () => {
    const handled = await h.services.entries.drainDue();
    await h.services.work.drain(5_000);
    return handled;
  };
  /** COR stops accepting Jane's tokens for good: the access token is refused, and so is the refresh token. */
  const corRefusesTokens = () => {
    h.cor.revokeRefreshTokens(JANE);
    h.cor.expireAccessTokens();
  };
  /** Jane links again through COR's consent page, as `corUserId`. */
  async function relink(corUserId = JANE) {
    const consent = new URL(await h.services.linking.consentUrl('T:T0DEMO', 'U01JANE'));
    consent.searchParams.set('user_id', String(corUserId));
    const back = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '');
    return h.services.linking.completeCallback({ code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' });
  }
  let triggers = 0;
  async function log(text: string): Promise<string> {
    const body = slashCommandBody(text, h.slack, { trigger_id: `relink.${++triggers}` });
    await h.send(body);
    const url = String(body.response_url);
    await waitForResponse(h.slack, url, (m) => String(m.text).startsWith('⏳ Logging'));
    return url;
  }

  it('an entry queued while COR refuses the token is not failed: it waits, the person is told once, and the re-link writes it once', async () => {
    await log('log 2h #48211 yesterday');
    await log('log 30m #48212 yesterday');
    corRefusesTokens();
    clock.advance(15_000); // the undo window ends
    expect(await outboxPass()).toBe(2);

    expect(await rows()).toMatchObject([
      { taskId: 48211, state: 'pending', lastError: 'needs_relink', linkId: expect.any(String) },
      { taskId: 48212, state: 'pending', lastError: 'needs_relink', linkId: expect.any(String) },
    ]);
    // One message, the re-link DM, and it says the entries wait for the person.
    expect(dms()).toHaveLength(1);
    expect(dms()[0]).toContain('2 time entries');
    expect(dms()[0]).toContain('written as soon as you link again');
    expect(written()).toHaveLength(0);

    // Not retried in a loop, and not told again: the outbox leaves them alone, hours and days later.
    const posts = h.cor.requestsTo('POST', '/hours').length;
    for (const later of [5 * 60_000, 2 * HOUR, 24 * HOUR, 7 * 24 * HOUR]) {
      clock.advance(later);
      expect(await outboxPass()).toBe(0);
    }
    expect(h.cor.requestsTo('POST', '/hours')).toHaveLength(posts);
    expect(dms()).toHaveLength(1);

    // Jane links again: the entries are released, and the next outbox pass writes each one once.
    expect(await relink()).toMatchObject({ ok: true });
    expect(await outboxPass()).toBe(2);
    expect(await outboxPass()).toBe(0);
    expect(await rows()).toMatchObject([
      { taskId: 48211, state: 'written', corHourId: expect.any(Number) },
      { taskId: 48212, state: 'written', corHourId: expect.any(Number) },
    ]);
    expect(written()).toHaveLength(2);
    expect(h.cor.hoursOf(JANE).filter((e) => [48211, 48212].includes(Number(e.task_log_id)) && e.id >= 100_000)).toHaveLength(2);
    const after = dms().slice(1);
    // The re-link keeps Jane's Slack language (es-LA): the welcome and the entries written later are told in Spanish.
    expect(after[0]).toContain('Tu cuenta está vinculada a COR como Jane Doe');
    expect(after[0]).toContain('2 registros de horas que te esperaban se están registrando ahora');
    expect(after.filter((t) => t.startsWith('✓ Te vinculaste de nuevo:') && t.includes('ya está en COR'))).toHaveLength(2);
    expect(after.join('\n')).not.toContain('COR volvió');
  }, 30_000);

  it('an entry parked on its first try has its "Logging… Undo" answer redrawn to say it waits for the re-link; Undo on it cancels it, and the re-link writes nothing', async () => {
    const url = await log('log 2h #48211 yesterday');
    const logging = responsesTo(h.slack, url).at(-1) ?? {};
    expect(JSON.stringify(logging.blocks)).toContain('undo_entries');
    corRefusesTokens();
    clock.advance(15_000); // the undo window ends: the first try finds COR refusing the tokens
    expect(await outboxPass()).toBe(1);
    const waiting = responsesTo(h.slack, url).at(-1) ?? {};
    expect(waiting).toMatchObject({ replace_original: true });
    expect(String(waiting.text)).toContain('waits for you: run `/cor link` and it will be written as soon as you link again');
    expect(JSON.stringify(waiting.blocks)).not.toContain('undo_entries');

    // Undo clicked on the answer as it was before: the entry is not in COR, so it is cancelled.
    const undoUrl = h.slack.newResponseUrl();
    await h.send(buttonClick('undo_entries', buttonValue(logging, 'undo_entries'), { responseUrl: undoUrl, user: 'U01JANE' }));
    expect(String(responsesTo(h.slack, undoUrl).at(-1)?.text)).toBe('↩︎ Undone: nothing was logged.');
    expect(await rows()).toMatchObject([{ state: 'cancelled', lastError: 'undone' }]);

    expect(await relink()).toMatchObject({ ok: true });
    expect(await outboxPass()).toBe(0);
    expect(written()).toHaveLength(0);
  }, 30_000);

  it('an entry whose retry finds the link needing renewal waits too, and its earlier try is looked for before it is written again', async () => {
    h.cor.addFault({ method: 'POST', path: '/hours', status: 500, afterHandling: true, times: 1 }); // written, answer lost
    await log('log 1h #48211 yesterday');
    clock.advance(15_000);
    await outboxPass();
    expect(await rows()).toMatchObject([{ state: 'pending', outcomeUnknown: true }]);
    corRefusesTokens();
    clock.advance(HOUR);
    await outboxPass();
    expect(await rows()).toMatchObject([{ state: 'pending', lastError: 'needs_relink', outcomeUnknown: true }]);
    expect(dms()).toEqual([expect.stringContaining('1 time entry')]);

    await relink();
    await outboxPass();
    // The entry the lost answer had written is adopted: COR has it once.
    expect(await rows()).toMatchObject([{ state: 'written' }]);
    expect(h.cor.hoursOf(JANE).filter((e) => e.id >= 100_000)).toHaveLength(1);
  }, 30_000);

  it('an unlink still ends waiting entries (not written), and nothing writes them afterwards', async () => {
    await log('log 2h #48211 yesterday');
    corRefusesTokens();
    clock.advance(15_000);
    await outboxPass();
    expect(await rows()).toMatchObject([{ state: 'pending', lastError: 'needs_relink' }]);
    const unlink = await h.send(slashCommandBody('unlink', h.slack));
    expect(String((unlink.body as { text?: unknown }).text)).toMatch(/will not be written\*:\n• 2h on task #48211/);
    expect(await rows()).toMatchObject([{ state: 'cancelled', lastError: 'unlinked', linkId: null }]);
    clock.advance(400 * 24 * HOUR);
    expect(await outboxPass()).toBe(0);
    expect(written()).toHaveLength(0);
  }, 30_000);
});

describe('an entry written at once when COR refuses the token on its write', () => {
  let h: ListenerHarness;
  beforeEach(async () => {
    h = await listenerHarness({ clock: new ManualClock(WEDNESDAY_1800) });
    await h.linkStored('U01JANE', JANE, 'Jane Doe', BA);
  });
  afterEach(() => h.close());

  it('is answered as waiting for the re-link, and the re-link DM counts it', async () => {
    // The day and the task are read with a token COR still takes; the write is refused, and so is the refresh.
    h.cor.revokeRefreshTokens(JANE);
    h.cor.addFault({ method: 'POST', path: '/hours', status: 401, times: 1 });
    const body = slashCommandBody('log 2h #48211 yesterday', h.slack, { trigger_id: 'relink.now' });
    await h.send(body);
    const answer = await waitForResponse(h.slack, String(body.response_url), (m) => String(m.text).includes('waits for you'));
    expect(String(answer.text)).toContain('run `/cor link` and it will be written as soon as you link again');
    const dms = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').map((c) => String(c.args.text));
    expect(dms).toEqual([expect.stringContaining('Your 1 time entry not yet in COR is kept')]);
  }, 30_000);
});
