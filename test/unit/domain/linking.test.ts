import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareEmails, type LinkingDeps, LinkingService, type SlackDirectory, STATE_TTL_MS } from '../../../src/domain/linking.ts';
import { PeopleLanguages } from '../../../src/domain/languages.ts';
import { tenantKeyOf } from '../../../src/domain/tenant.ts';
import { textsIn } from '../../../src/i18n/texts.ts';
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
  let directory: SlackProfileDirectory;

  /** The service as main.ts builds it; `slack` replaces the Slack directory (e.g. a profile that hides the email). */
  function service(opts: { allowEmailMismatch?: boolean; slack?: SlackDirectory; store?: LinkingDeps['store'] } = {}): LinkingService {
    const kit = corKit(cor, { clock });
    const clients = new SingleWorkspaceClients(DEFAULT_WORKSPACE.botToken, { apiUrl: slack.apiUrl, timeoutMs: 2_000 }, 'T:T0DEMO');
    return new LinkingService({
      store: opts.store ?? db.store,
      corAuth: kit.auth,
      cor: kit.client,
      appCor: appApi(kit, clock),
      slack: opts.slack ?? directory,
      notifier: new SlackLinkNotifier(clients, new PeopleLanguages({ store: db.store, slack: directory, defaultLanguage: 'en', clock })),
      consent: { authorizeUrl: cor.authorizeUrl, redirectUri: 'http://bot/cor/oauth/callback', appName: 'cor-slack' },
      allowEmailMismatch: opts.allowEmailMismatch ?? false,
      clock,
      logger: memoryLogger().logger,
    });
  }

  beforeEach(async () => {
    cor = await new FakeCor().start();
    slack = await new FakeSlack().start();
    db = await tempStore();
    clock = new ManualClock(new Date());
    directory = new SlackProfileDirectory(new SingleWorkspaceClients(DEFAULT_WORKSPACE.botToken, { apiUrl: slack.apiUrl, timeoutMs: 2_000 }, 'T:T0DEMO'), clock);
    linking = service();
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

  const dmsTo = (user: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === user).map((c) => String(c.args.text));

  it("refuses a consent by someone else's COR account: nothing stored, the asker and the account's owner told", async () => {
    // Mike starts a link and John (COR user 3, john.smith@ in COR and in Slack) approves it.
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U04MIKE'), 3);
    expect(await linking.completeCallback({ code, state })).toEqual({ ok: false, reason: 'email_mismatch', asker: { tenantKey: 'T:T0DEMO', slackUserId: 'U04MIKE' } });
    expect(await db.store.links.list()).toEqual([]);
    expect(dmsTo('U04MIKE')).toEqual([expect.stringContaining('the COR account that approved your link belongs to another COR user')]);
    expect(dmsTo('U04MIKE').join()).not.toMatch(/john/i);
    expect(dmsTo('U02JOHN')).toEqual([expect.stringMatching(/<@U04MIKE> tried to link your COR account \(john\.smith@acme\.example\)[\s\S]*Nothing was linked/)]);
  });

  it('a refused relink leaves the link the person had, with its tokens', async () => {
    const first = await codeFor(await linking.consentUrl('T:T0DEMO', 'U01JANE'), 2);
    const linked = await linking.completeCallback(first);
    if (!linked.ok) throw new Error('not linked');
    const tokens = await db.store.links.tokens(linked.link.id);
    const second = await codeFor(await linking.consentUrl('T:T0DEMO', 'U01JANE'), 4);
    expect(await linking.completeCallback(second)).toEqual({ ok: false, reason: 'email_mismatch', asker: { tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE' } });
    expect(await db.store.links.find('T:T0DEMO', 'U01JANE')).toMatchObject({ corUserId: 2, state: 'active' });
    expect(await db.store.links.tokens(linked.link.id)).toEqual(tokens);
    // Ana's Slack speaks Portuguese: so does the DM.
    expect(dmsTo('U03ANA')).toEqual([expect.stringContaining('<@U01JANE> tentou vincular sua conta do COR')]);
  });

  it('refuses when Slack gives no email for the asker, and tells the COR account\'s owner', async () => {
    slack.addUser({ id: 'U07NOMAIL', team_id: 'T0DEMO', name: 'nomail', real_name: 'No Mail', tz: 'UTC' });
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U07NOMAIL'), 5);
    expect(await linking.completeCallback({ code, state })).toEqual({ ok: false, reason: 'email_unknown', asker: { tenantKey: 'T:T0DEMO', slackUserId: 'U07NOMAIL' } });
    expect(await db.store.links.list()).toEqual([]);
    expect(dmsTo('U07NOMAIL')).toEqual([expect.stringContaining('Slack did not tell me your email')]);
    expect(dmsTo('U04MIKE')).toEqual([expect.stringContaining('<@U07NOMAIL> tried to link your COR account (mike.brown@acme.example)')]);
  });

  it("links when the profile hides the email but Slack finds the COR account's email is the asker's", async () => {
    const hidden = service({ slack: { profile: async (t, u) => ({ ...(await directory.profile(t, u)), email: undefined }), userIdByEmail: (t, e) => directory.userIdByEmail(t, e) } });
    const { code, state } = await codeFor(await hidden.consentUrl('T:T0DEMO', 'U04MIKE'), 5);
    expect(await hidden.completeCallback({ code, state })).toMatchObject({ ok: true, emails: 'same', link: { slackUserId: 'U04MIKE', corUserId: 5 } });
    expect(dmsTo('U04MIKE')).toEqual([expect.stringContaining('You are linked to COR as Mike Brown')]);
  });

  it("with mismatches allowed, links as before, warns the asker and tells the COR account's owner", async () => {
    const lenient = service({ allowEmailMismatch: true });
    const { code, state } = await codeFor(await lenient.consentUrl('T:T0DEMO', 'U04MIKE'), 3);
    expect(await lenient.completeCallback({ code, state })).toMatchObject({ ok: true, emails: 'different', link: { slackUserId: 'U04MIKE', corUserId: 3 } });
    const welcome = slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'U04MIKE');
    expect(JSON.stringify(welcome?.args.blocks)).toContain('Your COR email (john.smith@acme.example) is not your Slack email (mike.brown@acme.example)');
    expect(dmsTo('U02JOHN')).toEqual([expect.stringMatching(/<@U04MIKE> linked your COR account \(john\.smith@acme\.example\)[\s\S]*can now log time and change tasks \*as you\*/)]);
  });

  it('a re-link as another COR account does not write the entries that waited as that account: they end, and the welcome says so', async () => {
    const lenient = service({ allowEmailMismatch: true });
    const first = await lenient.completeCallback(await codeFor(await lenient.consentUrl('T:T0DEMO', 'U01JANE'), 2));
    if (!first.ok) throw new Error('not linked');
    const at = new Date('2026-11-21T12:00:00Z');
    await db.store.outbox.enqueue({ idempotencyKey: 'waits', linkId: first.link.id, tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', taskId: 48211, start: at, stop: new Date(at.getTime() + 3_600_000) }, at);
    await db.store.links.markNeedsRelink(first.link.id, clock.now(), undefined);
    // Jane links again, but as Ana (COR user 4): her entry was asked as Jane in COR.
    const again = await lenient.completeCallback(await codeFor(await lenient.consentUrl('T:T0DEMO', 'U01JANE'), 4));
    expect(again).toMatchObject({ ok: true, link: { corUserId: 4 } });
    expect(await db.store.outbox.withKeys(['waits'])).toMatchObject([{ state: 'cancelled' }]);
    const welcome = slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U01JANE').at(-1);
    // Jane's Slack speaks Spanish: so does her welcome.
    expect(String(welcome?.args.text)).toContain('1 registro de horas que esperaba se pidió con otra cuenta de COR, así que *no* lo registré con esta');
  });

  it('a re-link as another COR account ends the waiting entries before the link changes: no outbox pass in between finds them due as the new account', async () => {
    // What an outbox pass would take the moment the link's COR account and tokens change.
    let dueAtUpdate: string[] | undefined;
    const links = new Proxy(db.store.links, {
      get(target, name) {
        if (name === 'upsert') {
          return async (...args: Parameters<typeof target.upsert>) => {
            const link = await target.upsert(...args);
            dueAtUpdate = (await db.store.outbox.due(clock.now(), 10)).filter((r) => r.linkId === link.id).map((r) => r.idempotencyKey);
            return link;
          };
        }
        const value: unknown = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { oauthStates, outbox, timers, installations, digests } = db.store;
    const lenient = service({ allowEmailMismatch: true, store: { links, oauthStates, outbox, timers, installations, digests } });
    const first = await lenient.completeCallback(await codeFor(await lenient.consentUrl('T:T0DEMO', 'U01JANE'), 2));
    if (!first.ok) throw new Error('not linked');
    // Jane's entry, asked as Jane in COR, is due now (as after a retry's wait).
    const at = clock.now();
    await db.store.outbox.enqueue({ idempotencyKey: 'due-now', linkId: first.link.id, tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE', taskId: 48211, start: at, stop: new Date(at.getTime() + 3_600_000) }, at);
    // She links again, as Ana (COR user 4).
    const again = await lenient.completeCallback(await codeFor(await lenient.consentUrl('T:T0DEMO', 'U01JANE'), 4));
    expect(again).toMatchObject({ ok: true, link: { corUserId: 4 } });
    expect(dueAtUpdate).toEqual([]);
    expect(await db.store.outbox.withKeys(['due-now'])).toMatchObject([{ state: 'cancelled' }]);
  });

  it('the same person by email: linked, and nobody else is told', async () => {
    const { code, state } = await codeFor(await linking.consentUrl('T:T0DEMO', 'U01JANE'), 2); // Jane.Doe@ in COR, jane.doe@ in Slack
    expect(await linking.completeCallback({ code, state })).toMatchObject({ ok: true, emails: 'same' });
    expect(slack.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['U01JANE']);
    expect(slack.callsTo('users.lookupByEmail')).toEqual([]);
  });

  it('fails the callback cleanly when COR refuses the code', async () => {
    const state = new URL(await linking.consentUrl('T:T0DEMO', 'U01JANE')).searchParams.get('state') ?? '';
    expect(await linking.completeCallback({ code: 'made-up', state })).toEqual({ ok: false, reason: 'exchange_failed', asker: { tenantKey: 'T:T0DEMO', slackUserId: 'U01JANE' } });
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
    const text = unlinkedCard(textsIn('en'), result).text;
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
      slack: { profile: async () => ({ email: undefined, tz: undefined, locale: undefined, realName: undefined }), userIdByEmail: async () => undefined },
      notifier: { welcome: async () => undefined, relinkNeeded: async () => undefined, linkRefused: async () => undefined, accountClaimed: async () => undefined },
      consent: { authorizeUrl: undefined, redirectUri: 'x', appName: 'cor-slack' },
      allowEmailMismatch: false,
      clock,
      logger: memoryLogger().logger,
    });
    await expect(bare.consentUrl('T:T0DEMO', 'U1')).rejects.toMatchObject({ code: 'linking_off', message: expect.stringContaining('COR_AUTHORIZE_URL') });
  });
});

describe('compareEmails: a link is made only for the COR account with the Slack user\'s email', () => {
  it('compares trimmed, in any case', () => {
    expect(compareEmails('jane.doe@acme.example', ' Jane.Doe@ACME.example ')).toBe('same');
    expect(compareEmails('mike.brown@acme.example', 'john.smith@acme.example')).toBe('different');
    expect(compareEmails('jane.doe@acme.example', 'jane.doe@acme.example.evil')).toBe('different');
  });

  it('is unknown when either side has no email (Slack without users:read.email; a COR account without one)', () => {
    expect(compareEmails(undefined, 'jane.doe@acme.example')).toBe('unknown');
    expect(compareEmails('jane.doe@acme.example', undefined)).toBe('unknown');
    expect(compareEmails('  ', ' ')).toBe('unknown');
    expect(compareEmails(undefined, undefined)).toBe('unknown');
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
