import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { listMigrations } from '../../../src/store/migrate.ts';
import { MIGRATIONS_DIR, migrateStore, POSTGRES_MIGRATIONS_DIR } from '../../../src/store/index.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from '../../../tools/db/postgres-schema.ts';

const run = promisify(execFile);
const HOUR = 3_600_000;

const TOKENS = { accessToken: 'cor-at-SECRET-ACCESS', refreshToken: 'cor-rt-SECRET-REFRESH', expiresAt: new Date('2026-11-22T12:00:00Z') };

describe('SQLite store', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore();
  });
  afterEach(() => t.cleanup());

  describe('migrations', () => {
    it('applies once, records them where Prisma looks, and is a no-op the second time', async () => {
      expect(await migrateStore(t.databaseUrl)).toEqual({ applied: [], alreadyApplied: listMigrations(MIGRATIONS_DIR).length });
      const db = new Database(t.file, { readonly: true });
      const rows = db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations').all() as { migration_name: string; checksum: string }[];
      db.close();
      expect(rows.map((r) => r.migration_name)).toEqual(listMigrations(MIGRATIONS_DIR).map((m) => m.name));
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    });

    it('schema.prisma and the migrations agree (the CI drift check)', async () => {
      const { stdout } = await run('npx', ['prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--exit-code'], {
        env: { ...process.env, DATABASE_URL: 'file::memory:' },
      });
      expect(stdout).toContain('No difference detected');
    }, 60_000);
  });

  it('keeps tokens only as ciphertext in the database file', async () => {
    const tokens = TOKENS;
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane Doe', tokens });
      expect(await t.store.links.tokens(link.id)).toEqual(tokens);
      await t.store.installations.save({ tenantKey: 'T:1', teamId: 'T1', enterpriseId: null, botUserId: 'UB', botId: 'B', botToken: 'xoxb-SECRET-BOT', installation: { bot: { token: 'xoxb-SECRET-BOT' } } });
      expect((await t.store.installations.find('T:1'))?.botToken).toBe('xoxb-SECRET-BOT');
      await t.store.close();
      const raw = readFileSync(t.file).toString('latin1') + readFileSync(`${t.file}-wal`, { flag: 'a+' }).toString('latin1');
      expect(raw).not.toMatch(/SECRET-ACCESS|SECRET-REFRESH|SECRET-BOT/);
      expect(raw).toContain('enc:v1:');
    });

});

describe('PostgreSQL store', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ postgres: inject('postgresUrl') });
  });
  afterEach(() => t.cleanup());

  it('applies its migrations once (under a lock, in one transaction), recorded where Prisma looks', async () => {
    const again = await Promise.all([migrateStore(t.databaseUrl), migrateStore(t.databaseUrl)]);
    expect(again).toEqual([
      { applied: [], alreadyApplied: listMigrations(POSTGRES_MIGRATIONS_DIR).length },
      { applied: [], alreadyApplied: listMigrations(POSTGRES_MIGRATIONS_DIR).length },
    ]);
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    const rows = await c.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    await c.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));
  });

  it('keeps tokens only as ciphertext in the database', async () => {
    await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane Doe', tokens: TOKENS });
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    const rows = await c.query('SELECT * FROM "UserLink"');
    await c.end();
    const raw = JSON.stringify(rows.rows);
    expect(raw).not.toMatch(/SECRET-ACCESS|SECRET-REFRESH/);
    expect(raw).toContain('enc:v1:');
  });
});

describe('PostgreSQL schema and migrations', () => {
  it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma (npm run db:pg-schema)', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, 'utf8')));
  });

  it('the PostgreSQL migrations build exactly what the models describe (drift check)', async () => {
    const admin = inject('postgresUrl');
    const fromMigrations = await tempStore({ postgres: admin });
    const fromModels = await tempStore({ postgres: admin });
    try {
      const { stdout: script } = await run('npx', ['prisma', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', POSTGRES_SCHEMA, '--script'], {
        env: { ...process.env, DATABASE_URL: 'file::memory:' },
      });
      /** Tables, columns, indexes and constraints of a database, Prisma's own bookkeeping left out. */
      const shape = async (url: string, setup?: string) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          if (setup) {
            await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
            await c.query(setup);
          }
          const columns = await c.query(
            `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
          );
          const indexes = await c.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
          const constraints = await c.query(
            `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`,
          );
          return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
        } finally {
          await c.end();
        }
      };
      const migrated = await shape(fromMigrations.databaseUrl);
      expect(migrated.columns.length).toBeGreaterThan(50);
      expect(migrated).toEqual(await shape(fromModels.databaseUrl, script));
    } finally {
      await Promise.all([fromMigrations.cleanup(), fromModels.cleanup()]);
    }
  }, 60_000);
});

describe.each(['sqlite', 'postgresql'] as const)('repositories on %s', (kind) => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore(kind === 'postgresql' ? { postgres: inject('postgresUrl') } : {});
  });
  afterEach(() => t.cleanup());

  describe('user links', () => {
    const tokens = TOKENS;

    it('is keyed by (tenant, Slack user): a relink replaces, other workspaces are apart', async () => {
      await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens });
      await t.store.links.upsert({ tenantKey: 'T:2', slackUserId: 'U1', corUserId: 9, corName: 'Other', tokens });
      const relinked = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 3, corName: 'John', tokens });
      expect(relinked.corUserId).toBe(3);
      expect((await t.store.links.find('T:2', 'U1'))?.corName).toBe('Other');
      expect(await t.store.links.list('T:1')).toHaveLength(1);
      expect(await t.store.links.deleteTenant('T:1')).toBe(1);
      expect(await t.store.links.find('T:2', 'U1')).toBeDefined();
    });

    it('marks a link for re-linking exactly once and forgets its tokens; tokens saved again make a later failure count again', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens });
      const results = await Promise.all([1, 2, 3].map(() => t.store.links.markNeedsRelink(link.id, new Date(), tokens.expiresAt)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await t.store.links.tokens(link.id)).toBeUndefined();
      expect((await t.store.links.findById(link.id))?.state).toBe('needs_relink');
      const rotated = { ...tokens, expiresAt: new Date(tokens.expiresAt.getTime() + 3_600_000) };
      await t.store.links.saveTokens(link.id, rotated); // e.g. another instance's refresh went through
      expect(await t.store.links.findById(link.id)).toMatchObject({ state: 'active', relinkNotifiedAt: null });
      // A failure of the tokens that were replaced changes nothing: the link works with the new ones.
      expect(await t.store.links.markNeedsRelink(link.id, new Date(), tokens.expiresAt)).toBe(false);
      expect(await t.store.links.tokens(link.id)).toBeDefined();
      // A real failure of the current tokens is told again, once.
      expect(await t.store.links.markNeedsRelink(link.id, new Date(), rotated.expiresAt)).toBe(true);
    });
  });

  describe('OAuth states', () => {
    it('is single-use, bound to its user, and expires', async () => {
      const now = new Date('2026-11-22T10:00:00Z');
      const state = await t.store.oauthStates.issue('T:1', 'U1', now, 600_000);
      expect(state.length).toBeGreaterThanOrEqual(32);
      const [a, b] = await Promise.all([t.store.oauthStates.consume(state, now), t.store.oauthStates.consume(state, now)]);
      expect([a, b].filter((r) => r.ok)).toEqual([{ ok: true, tenantKey: 'T:1', slackUserId: 'U1' }]);
      expect(await t.store.oauthStates.consume(state, now)).toEqual({ ok: false, reason: 'used' });
      const late = await t.store.oauthStates.issue('T:1', 'U1', now, 600_000);
      expect(await t.store.oauthStates.consume(late, new Date(now.getTime() + 600_001))).toEqual({ ok: false, reason: 'expired' });
      expect(await t.store.oauthStates.consume('forged', now)).toEqual({ ok: false, reason: 'unknown' });
      expect(await t.store.oauthStates.consume(undefined, now)).toEqual({ ok: false, reason: 'missing' });
    });

    it('sweeps states that expired more than a day ago when a new one is issued', async () => {
      const then = new Date('2026-11-20T10:00:00Z');
      const old = await t.store.oauthStates.issue('T:1', 'U1', then, 600_000);
      await t.store.oauthStates.issue('T:1', 'U2', new Date(then.getTime() + 2 * 86_400_000), 600_000);
      expect(await t.store.oauthStates.consume(old, then)).toEqual({ ok: false, reason: 'unknown' });
    });
  });

  describe('time-entry outbox', () => {
    it('records one request per idempotency key, however many times it is sent', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const req = { idempotencyKey: 'cmd:T1:trigger-1', linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 48211, start: new Date('2026-11-21T12:00:00Z'), stop: new Date('2026-11-21T14:00:00Z') };
      const now = new Date('2026-11-21T15:00:00Z');
      const results = await Promise.all([1, 2, 3, 4].map(() => t.store.outbox.enqueue(req, now)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.request.id)).size).toBe(1);
      expect(await t.store.outbox.countByState()).toEqual({ pending: 1 });
    });

    it('leases a request to one worker at a time; an expired lease can be taken over; only the holder ends an attempt', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const now = new Date('2026-11-21T15:00:00Z');
      const later = (ms: number) => new Date(now.getTime() + ms);
      const { request } = await t.store.outbox.enqueue({ idempotencyKey: 'k1', linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 1, start: now, stop: now }, now);
      expect((await t.store.outbox.due(now, 10)).map((r) => r.id)).toEqual([request.id]);
      const claims = await Promise.all([t.store.outbox.claim(request.id, now, 60_000), t.store.outbox.claim(request.id, now, 60_000)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(claims.find(Boolean)?.tookOver).toBe(false);
      const first = claims.find(Boolean)?.claim ?? now;
      expect(await t.store.outbox.due(later(30_000), 10)).toEqual([]);
      expect(await t.store.outbox.claim(request.id, later(30_000), 60_000)).toBeUndefined();
      // Taken over from a holder whose lease ran out: it may have written it, so its outcome is unknown from now on.
      const second = await t.store.outbox.claim(request.id, later(61_000), 60_000);
      expect(second).toEqual({ claim: later(121_000), tookOver: true });
      expect(await t.store.outbox.get(request.id)).toMatchObject({ attempts: 2, outcomeUnknown: true });
      // The first holder's lease ran out and was taken over: none of its ends changes the row.
      expect(await t.store.outbox.markWritten(request.id, 666, later(62_000), first)).toBe(false);
      expect(await t.store.outbox.markFailed(request.id, 'stale', first)).toBe(false);
      expect(await t.store.outbox.scheduleRetry(request.id, 'stale', later(HOUR), false, first)).toBe(false);
      expect(await t.store.outbox.get(request.id)).toMatchObject({ state: 'pending', corHourId: null, lastError: null });
      expect(await t.store.outbox.scheduleRetry(request.id, 'COR 503', later(HOUR), true, second?.claim ?? now)).toBe(true);
      expect(await t.store.outbox.due(later(62_000), 10)).toEqual([]);
      expect((await t.store.outbox.due(later(HOUR), 10)).map((r) => r.lastError)).toEqual(['COR 503']);
      const third = await t.store.outbox.claim(request.id, later(HOUR), 60_000);
      expect(third?.tookOver).toBe(false);
      expect(await t.store.outbox.markWritten(request.id, 777, later(HOUR), third?.claim ?? now)).toBe(true);
      expect(await t.store.outbox.get(request.id)).toMatchObject({ state: 'written', corHourId: 777 });
      expect(await t.store.outbox.due(later(2 * HOUR), 10)).toEqual([]);
      expect(await t.store.outbox.claim(request.id, later(2 * HOUR), 60_000)).toBeUndefined();
    });

    it('tells which COR entries requests already own, and what is pending in a span', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const at = (h: number) => new Date(Date.UTC(2026, 10, 21, h));
      const { request: written, claim } = await t.store.outbox.enqueue({ idempotencyKey: 'w', linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 1, start: at(9), stop: at(10) }, at(12), 60_000);
      await t.store.outbox.markWritten(written.id, 501, at(12), claim ?? at(12));
      await t.store.outbox.enqueue({ idempotencyKey: 'p1', linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 1, start: at(10), stop: at(11) }, at(12));
      await t.store.outbox.enqueue({ idempotencyKey: 'p2', linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 1, start: at(23), stop: at(24) }, at(12));
      expect([...(await t.store.outbox.hourIdsTaken([500, 501, 502]))]).toEqual([501]);
      expect(await t.store.outbox.hourIdsTaken([])).toEqual(new Set());
      expect(await t.store.outbox.pendingBetween(link.id, at(0), at(23))).toEqual([{ start: at(10), stop: at(11) }]);
    });

    it('an unlink ends what waits (cancelled, or unknown when an attempt may have written it), leaves what is in flight, and keeps every row', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const now = new Date('2026-11-21T15:00:00Z');
      const req = (key: string) => ({ idempotencyKey: key, linkId: link.id, tenantKey: 'T:1', slackUserId: 'U1', taskId: 1, start: now, stop: now });
      await t.store.outbox.enqueue(req('waiting'), now);
      const retried = await t.store.outbox.enqueue(req('timed-out'), now, 60_000);
      await t.store.outbox.scheduleRetry(retried.request.id, 'timeout', now, true, retried.claim ?? now);
      const flying = await t.store.outbox.enqueue(req('in-flight'), now, 60_000);
      const { ended, inFlight } = await t.store.outbox.settleForUnlink(link.id, now);
      expect(ended.map((r) => [r.idempotencyKey, r.state])).toEqual([['waiting', 'cancelled'], ['timed-out', 'unknown']]);
      expect(inFlight.map((r) => r.idempotencyKey)).toEqual(['in-flight']);
      await t.store.links.delete('T:1', 'U1');
      // The rows stay, with who asked; the in-flight one is still its holder's to end, but cannot be retried.
      expect(await t.store.outbox.get(flying.request.id)).toMatchObject({ linkId: null, tenantKey: 'T:1', slackUserId: 'U1', state: 'pending' });
      expect(await t.store.outbox.scheduleRetry(flying.request.id, 'timeout', now, true, flying.claim ?? now)).toBe(false);
      expect(await t.store.outbox.abandon(flying.request.id, 'unknown', 'unlinked', now, flying.claim)).toBe(true);
      expect(await t.store.outbox.countByState()).toEqual({ cancelled: 1, unknown: 2 });
    });
  });

  describe('reminders and timers', () => {
    it('gives defaults, saves settings, and claims one delivery per local date', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      expect(await t.store.reminders.getSetting(link.id)).toMatchObject({ enabled: true, localTime: '17:30', weekdays: undefined, skipDates: [] });
      await t.store.reminders.saveSetting({ ...(await t.store.reminders.getSetting(link.id)), localTime: '18:00', weekdays: [1, 2, 3, 4], skipDates: ['2026-12-24'] });
      expect(await t.store.reminders.getSetting(link.id)).toMatchObject({ localTime: '18:00', weekdays: [1, 2, 3, 4], skipDates: ['2026-12-24'] });
      await t.store.reminders.saveSetting({ ...(await t.store.reminders.getSetting(link.id)), enabled: false, targetHours: 6.5, morningRecap: true });
      // read back with the same types as written, on both stores (the read is raw SQL)
      expect(await t.store.reminders.getSetting(link.id)).toStrictEqual({
        linkId: link.id,
        enabled: false,
        localTime: '18:00',
        weekdays: [1, 2, 3, 4],
        targetHours: 6.5,
        skipDates: ['2026-12-24'],
        morningRecap: true,
        morningTime: '09:30',
        respectAway: false,
      });

      const now = new Date('2026-11-23T20:30:00Z');
      const claims = await Promise.all([1, 2, 3].map(() => t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', now, 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      // The morning recap is another delivery of the same date.
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'morning', now, 60_000)).toMatchObject({ kind: 'morning', state: 'claimed' });
      // A crash mid-send: the lease runs out and the delivery can be claimed again, once.
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', new Date(now.getTime() + 30_000), 60_000)).toBeUndefined();
      const again = await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', new Date(now.getTime() + 61_000), 60_000);
      expect(again?.attempts).toBe(2);
      await t.store.reminders.markSent({ id: again?.id ?? '', channelId: 'D1', messageTs: '1.2', aboutDate: '2026-11-23', targetHours: 8, loggedHours: 3 }, new Date(now.getTime() + 61_000));
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', new Date(now.getTime() + 3 * HOUR), 60_000)).toBeUndefined();
      expect(await t.store.reminders.findDelivery(link.id, '2026-11-23')).toMatchObject({ state: 'sent', messageTs: '1.2', targetHours: 8, loggedHours: 3 });
      expect(await t.store.reminders.openDeliveriesAbout(link.id, '2026-11-23')).toHaveLength(1);
      // Snoozed: claimable again only once the snooze is over.
      await t.store.reminders.markSnoozed(again?.id ?? '', new Date(now.getTime() + HOUR));
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', new Date(now.getTime() + HOUR - 1), 60_000)).toBeUndefined();
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', new Date(now.getTime() + HOUR + 1), 60_000)).toMatchObject({ state: 'claimed', attempts: 3 });
      await t.store.reminders.markSkipped([again?.id ?? ''], 'enough logged');
      expect(await t.store.reminders.deliveriesOn([link.id], ['2026-11-23'])).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'day', state: 'skipped', reason: 'enough logged' }), expect.objectContaining({ kind: 'morning' })]),
      );
      expect([...(await t.store.reminders.allSettings()).keys()]).toEqual([link.id]);
    });

    it('renews only the reminder claims still its own (the lease it set), and says when none is left', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const now = new Date('2026-11-23T20:30:00Z');
      const lease = 60_000;
      const held = new Date(now.getTime() + lease);
      const [day, morning] = await t.store.reminders.claimNew([{ linkId: link.id, localDate: '2026-11-23', kind: 'day' }, { linkId: link.id, localDate: '2026-11-23', kind: 'morning' }], now, lease);
      const ids = [day?.id ?? '', morning?.id ?? ''];
      const renewedUntil = new Date(now.getTime() + 30_000 + lease);
      expect(await t.store.reminders.renew(ids, held, renewedUntil)).toBe(true);
      // This instance stalls; its lease runs out and another instance takes the day's reminder over.
      const later = new Date(renewedUntil.getTime() + 1);
      const taken = await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'day', later, lease);
      expect(taken?.claimedUntil).toEqual(new Date(later.getTime() + lease));
      // The stalled instance's renewal leaves the taken-over claim alone, and still extends the one it holds.
      const again = new Date(later.getTime() + 10_000 + lease);
      expect(await t.store.reminders.renew(ids, renewedUntil, again)).toBe(true);
      expect((await t.store.reminders.findDelivery(link.id, '2026-11-23', 'day'))?.claimedUntil).toEqual(new Date(later.getTime() + lease));
      expect((await t.store.reminders.findDelivery(link.id, '2026-11-23', 'morning'))?.claimedUntil).toEqual(again);
      // The other claim taken over too: nothing of its own is left to renew.
      const laterStill = new Date(again.getTime() + 1);
      expect(await t.store.reminders.claimDelivery(link.id, '2026-11-23', 'morning', laterStill, lease)).toBeDefined();
      expect(await t.store.reminders.renew(ids, again, new Date(laterStill.getTime() + lease))).toBe(false);
      expect((await t.store.reminders.findDelivery(link.id, '2026-11-23', 'morning'))?.claimedUntil).toEqual(new Date(laterStill.getTime() + lease));
    });

    it('renews a digest claim only while it is still its own, and says when it is not', async () => {
      const digest = await t.store.digests.create({ tenantKey: 'T:1', ownerSlackUserId: 'U1', audience: { kind: 'people', slackUserIds: ['U2'] }, channelId: 'C1', schedule: 'daily', localTime: '09:00', tz: 'UTC', shortUnderHours: null, language: null });
      const now = new Date('2026-11-23T09:00:00Z');
      const lease = 60_000;
      const mine = await t.store.digests.claim(digest.id, 'daily:2026-11-20', now, lease);
      const held = new Date(now.getTime() + lease);
      expect(mine?.claimedUntil).toEqual(held);
      const renewedUntil = new Date(now.getTime() + 30_000 + lease);
      expect(await t.store.digests.renew([mine?.id ?? ''], held, renewedUntil)).toBe(true);
      // Stalled past its lease: another instance claims it.
      const later = new Date(renewedUntil.getTime() + 1);
      expect(await t.store.digests.claim(digest.id, 'daily:2026-11-20', later, lease)).toBeDefined();
      expect(await t.store.digests.renew([mine?.id ?? ''], renewedUntil, new Date(later.getTime() + 2 * lease))).toBe(false);
      expect((await t.store.digests.deliveriesOf([digest.id], ['daily:2026-11-20']))[0]?.claimedUntil).toEqual(new Date(later.getTime() + lease));
    });

    it('keeps one timer per user; removes only the timer it names; a discard goes to one caller', async () => {
      const link = await t.store.links.upsert({ tenantKey: 'T:1', slackUserId: 'U1', corUserId: 2, corName: 'Jane', tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date() } });
      const at = new Date('2026-11-23T12:00:00Z');
      await t.store.timers.put({ linkId: link.id, taskId: 1, startedAt: at, note: null });
      await t.store.timers.put({ linkId: link.id, taskId: 2, startedAt: new Date(at.getTime() + HOUR), note: 'x' });
      expect(await t.store.timers.get(link.id)).toMatchObject({ taskId: 2 });
      expect(await t.store.timers.remove(link.id, at)).toBe(false);
      const stops = await Promise.all([t.store.timers.stop(link.id), t.store.timers.stop(link.id)]);
      expect(stops.filter(Boolean)).toEqual([expect.objectContaining({ taskId: 2, note: 'x' })]);
    });
  });
});
