import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeopleLanguages } from '../../../src/domain/languages.ts';
import type { SlackProfile } from '../../../src/domain/linking.ts';
import { ManualClock, systemClock } from '../../../src/lib/clock.ts';
import { languageOfLocale } from '../../../src/lib/language.ts';
import { FakeCor } from '../../../tools/fake-cor/server.ts';
import { storeLinkedUser } from '../../helpers/cor.ts';
import { tempStore, type TempStore } from '../../helpers/store.ts';

const TENANT = 'T:T0DEMO';

describe('languageOfLocale', () => {
  it('es-* Spanish, pt-* Portuguese, any other locale English, none undefined', () => {
    expect(['es-LA', 'es-ES', 'pt-BR', 'pt-PT', 'en-US', 'fr-FR', 'ja-JP'].map(languageOfLocale)).toEqual(['es', 'es', 'pt', 'pt', 'en', 'en', 'en']);
    expect(languageOfLocale(undefined)).toBeUndefined();
  });
});

describe('PeopleLanguages: whose language a person is spoken to in', () => {
  let db: TempStore;
  let cor: FakeCor;
  let slackAsked: string[];
  const profiles = new Map<string, string | undefined>([['U01JANE', 'es-LA'], ['U03ANA', 'pt-BR'], ['U09NONE', undefined]]);
  const slack = {
    async profile(_tenantKey: string, userId: string): Promise<SlackProfile> {
      slackAsked.push(userId);
      if (userId === 'U08DOWN') throw new Error('Slack is not answering');
      return { email: undefined, tz: undefined, locale: profiles.get(userId), realName: undefined };
    },
  };
  const languagesOver = (store = db.store) => new PeopleLanguages({ store, slack, defaultLanguage: 'pt', clock: systemClock });

  beforeEach(async () => {
    db = await tempStore();
    cor = await new FakeCor().start();
    slackAsked = [];
  });
  afterEach(async () => {
    await db.cleanup();
    await cor.stop();
  });

  it('a choice wins over the link’s Slack locale; auto drops it', async () => {
    await storeLinkedUser(db.store, cor, { corUserId: 2, tz: 'UTC', slackUserId: 'U01JANE', locale: 'es-LA' });
    const languages = languagesOver();
    expect(await languages.of(TENANT, 'U01JANE')).toBe('es');
    expect(await languages.choose(TENANT, 'U01JANE', 'en')).toEqual({ language: 'en', chosen: 'en' });
    expect(await languages.describe(TENANT, 'U01JANE')).toEqual({ language: 'en', chosen: 'en' });
    expect(await languages.choose(TENANT, 'U01JANE', 'auto')).toEqual({ language: 'es', chosen: undefined });
    expect(slackAsked).toEqual([]);
  });

  it('someone without a link speaks their Slack profile’s language; before an ack (no Slack call), the default', async () => {
    const languages = languagesOver();
    expect(await languages.of(TENANT, 'U03ANA', { askSlack: false })).toBe('pt');
    expect(slackAsked).toEqual([]);
    expect(await languages.of(TENANT, 'U01JANE', { askSlack: false })).toBe('pt');
    expect(await languages.of(TENANT, 'U01JANE')).toBe('es');
    expect(slackAsked).toEqual(['U01JANE']);
  });

  it('no locale anywhere, or Slack not answering: DEFAULT_LANGUAGE', async () => {
    const languages = languagesOver();
    expect(await languages.of(TENANT, 'U09NONE')).toBe('pt');
    expect(await languages.of(TENANT, 'U08DOWN')).toBe('pt');
  });

  it('a choice is per workspace', async () => {
    const languages = languagesOver();
    await languages.choose(TENANT, 'U03ANA', 'es');
    expect(await languages.of(TENANT, 'U03ANA')).toBe('es');
    expect(await languages.of('T:T0OTHER', 'U03ANA')).toBe('pt');
  });

  it('what the store says is kept 30 s: answers in an ack read nothing; another instance’s choice is seen within that time, this one’s at once', async () => {
    await storeLinkedUser(db.store, cor, { corUserId: 2, tz: 'UTC', slackUserId: 'U01JANE', locale: 'es-LA' });
    const clock = new ManualClock('2026-12-07T12:00:00Z');
    const here = new PeopleLanguages({ store: db.store, slack, defaultLanguage: 'pt', clock });
    const elsewhere = new PeopleLanguages({ store: db.store, slack, defaultLanguage: 'pt', clock });
    expect(await here.of(TENANT, 'U01JANE', { askSlack: false })).toBe('es');
    const queries = db.store.queryCount();
    expect(await here.of(TENANT, 'U01JANE', { askSlack: false })).toBe('es');
    expect(db.store.queryCount()).toBe(queries);
    await elsewhere.choose(TENANT, 'U01JANE', 'en');
    expect(await elsewhere.of(TENANT, 'U01JANE')).toBe('en');
    expect(await here.of(TENANT, 'U01JANE')).toBe('es');
    clock.advance(30_001);
    expect(await here.of(TENANT, 'U01JANE')).toBe('en');
  });

  it('a Slack locale change (user_change) is followed at once once it is forgotten', async () => {
    const link = await storeLinkedUser(db.store, cor, { corUserId: 2, tz: 'UTC', slackUserId: 'U01JANE', locale: 'es-LA' });
    const languages = languagesOver();
    expect(await languages.of(TENANT, 'U01JANE')).toBe('es');
    await db.store.links.updateProfile(link.id, { locale: 'pt-BR' });
    languages.forget(TENANT, 'U01JANE');
    expect(await languages.of(TENANT, 'U01JANE')).toBe('pt');
  });
});
