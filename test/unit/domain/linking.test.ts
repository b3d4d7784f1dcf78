import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkingService, STATE_TTL_MS } from '../../../src/domain/linking.ts';
import { tenantKeyOf } from '../../../src/domain/tenant.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import { SingleWorkspaceClients } from '../../../src/slack/workspace/clients.ts';
import { SlackProfileDirectory } from '../../../src/slack/directory.ts';
import { SlackLinkNotifier } from '../../../src/slack/linking/notifier.ts';
import { unlinkedCard } from '../../../src/slack/linking/blocks.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { DEFAULT_WORKSPACE, FakeSlack } from '../../../tools/fake-slack/server.ts';
import { appApi, corKit, storeLinkedUser } from '../../helpers/cor.ts';
import { memoryLogger } from '../../helpers/logger.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

describe('LinkingService', () => {
  let cor: FakeCor;
  let slack: FakeSlack;
  let db: TempStore;
  let clock: ManualClock;
  let linking: LinkingService;

  beforeEach(async () => {
    cor = await new FakeCor().start();
    slack = await new FakeSlack().start();
    db = await tempStore();
    clock = new ManualClock(new Date());
    const kit = corKit(cor, { clock });
    const clients = new SingleWorkspaceClients(DEFAULT_WORKSPACE.botToken, { apiUrl: slack.apiUrl, timeoutMs: 2_000 }, 'T:T0DEMO');
    linking = new LinkingService({
      store: db.store,
      corAuth: kit.auth,
      cor: kit.client,
      appCor: appApi(kit, clock),
      slack: new SlackProfileDirectory(clients, clock),
      notifier: new SlackLinkNotifier(clients),
      consent: { authorizeUrl: cor.authorizeUrl, redirectUri: 'http://bot/cor/oauth/callback', appName: 'cor-slack' },
      clock,
      logger: memoryLogger().logger,
    });
  });
  afterEach(async () => {
    await Promise.all([cor.stop(), slack.stop(), db.cleanup()]);
  });

  async function codeFor(consentUrl: string, corUserId: number): Promise<{ code: string; state: string }> {
    const url = new URL(consentUrl);
    url.searchParams.set('user_id', String(corUserId));
    const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
    return { code: back.searchParams.get('code') ?? '', state: back.searchParams.get('state') ?? '' };
  }

  it("a link restored by another instance's refresh: a later real failure is told again, once", async () => {
    const link = await storeLinkedUser(db.store, cor, { corUserId: 2, tz: 'UTC', now: clock.now() });
    const dms = () => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE');
    const failForGood = async () => {
      cor.revokeRefreshTokens(2);
      cor.expireAccessTokens();
      await expect(linking.apiFor(link).me()).rejects.toBeDefined();
    };
    await failForGood();
    expect(dms()).toHaveLength(1);
    // Another instance's refresh went through after all: its tokens are in the store, and they work.
    const t = cor.issueTokens(2);
    await db.store.links.saveTokens(link.id, { accessToken: t.access_token, refreshToken: t.refresh_token, expiresAt: new Date(clock.now().getTime() + 3_600_000) });
    expect(await linking.apiFor(link).me()).toMatchObject({ id: 2 });
    await failForGood();
    expect(dms()).toHaveLength(2);
  }, 20_000);

  it('whoami keeps a known zone when Slack\'s profile gives none (reminders are never planned on a guessed zone)', async () => {
    slack.addUser({ id: 'U06NOZONE', team_id: 'T0DEMO', name: 'nozone', real_name: 'No Zone', email: 'no.zone@acme.example' });
    await storeLinkedUser(db.store, cor, { corUserId: 4, tz: 'America/Argentina/Buenos_Aires', slackUserId: 'U06NOZONE', now: clock.now() });
    await linking.whoami('T:T0DEMO', 'U06NOZONE');
    expect((await db.store.links.find('T:T0DEMO', 'U06NOZONE'))?.tz).toBe('America/Argentina/Buenos_Aires');
  });

  it('refuses a state older than 10 minutes and links nobody', async () => {
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U01JANE'), 2);
    clock.advance(STATE_TTL_MS + 1);
    expect(await linking.completeCallback({ code, state })).toEqual({ ok: false, reason: 'expired_state' });
    expect(await db.store.links.find('T:T0DEMO', 'U01JANE')).toBeUndefined();
  });

  it('binds the link to the Slack user who asked for the state, in their workspace', async () => {
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U03ANA'), 4);
    const result = await linking.completeCallback({ code, state });
    expect(result).toMatchObject({ ok: true, link: { tenantKey: 'T:T0DEMO', slackUserId: 'U03ANA', corUserId: 4, tz: 'America/Sao_Paulo', locale: 'pt-BR' } });
    expect(await db.store.links.find('T:OTHER', 'U03ANA')).toBeUndefined();
  });

  it('fails the callback cleanly when COR refuses the code', async () => {
    const state = new URL(await linking.consentUrl('T:T0DEMO', 'U01JANE')).searchParams.get('state') ?? '';
    expect(await linking.completeCallback({ code: 'made-up', state })).toEqual({ ok: false, reason: 'exchange_failed' });
  });

  it('guesses by email across all pages of COR users, case-insensitively, and caches the list', async () => {
    expect((await linking.guess('T:T0DEMO', 'U01JANE')).person).toEqual({ id: 2, name: 'Jane Doe', email: 'Jane.Doe@acme.example' });
    expect((await linking.guess('T:T0DEMO', 'U04MIKE')).person?.id).toBe(5);
    expect(cor.requestsTo('GET', '/users')).toHaveLength(1); // every page (one at 100 per page), read once for both guesses
    slack.addUser({ id: 'U09NEW', team_id: 'T0DEMO', name: 'new', real_name: 'New', tz: 'UTC', email: 'nobody@elsewhere.example' });
    expect((await linking.guess('T:T0DEMO', 'U09NEW')).person).toBeUndefined();
  });

  it('unlink cancels pending entries and a running timer, and says which', async () => {
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U01JANE'), 2);
    const linked = await linking.completeCallback({ code, state });
    if (!linked.ok) throw new Error('not linked');
    const at = new Date('2026-11-21T12:00:00Z');
    await db.store.outbox.enqueue({ idempotencyKey: 'k', linkId: linked.link.id, tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', taskId: 48211, start: at, stop: new Date(at.getTime() + 5_400_000) }, at);
    await db.store.timers.put({ linkId: linked.link.id, taskId: 48212, startedAt: at, note: null });
    const result = await linking.unlink('T:T0DEMO', 'U01JANE');
    expect(result.removed).toBe(true);
    const text = unlinkedCard(result).text;
    expect(text).toContain('will not be written');
    expect(text).toContain('1h 30m on task #48211, Sat 21 Nov · 09:00–10:30');
    expect(text).toContain('running timer on task #48212 was discarded');
    await expect(linking.requireLink('T:T0DEMO', 'U01JANE')).rejects.toMatchObject({ code: 'not_linked' });
  });

  it('says plainly when linking is not configured', async () => {
    const bare = new LinkingService({
      store: db.store,
      corAuth: corKit(cor).auth,
      cor: corKit(cor).client,
      appCor: appApi(corKit(cor)),
      slack: { profile: async () => ({ email: undefined, tz: undefined, locale: undefined, realName: undefined }) },
      notifier: { welcome: async () => undefined, relinkNeeded: async () => undefined },
      consent: { authorizeUrl: undefined, redirectUri: 'x', appName: 'cor-slack' },
      clock,
      logger: memoryLogger().logger,
    });
    await expect(bare.consentUrl('T:T0DEMO', 'U1')).rejects.toMatchObject({ code: 'not_configured', message: expect.stringContaining('COR_AUTHORIZE_URL') });
  });
});

describe('tenantKeyOf', () => {
  it('keys by workspace, or by org for org-wide installs', () => {
    expect(tenantKeyOf({ teamId: 'T1' })).toBe('T:T1');
    expect(tenantKeyOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).toBe('T:T1');
    expect(tenantKeyOf({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: true })).toBe('E:E1');
    expect(() => tenantKeyOf({})).toThrow();
  });
});
