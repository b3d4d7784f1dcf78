import { AcceptedRequestRepository } from './accepted.ts';
import { DigestRepository } from './digests.ts';
import { LogDraftRepository } from './drafts.ts';
import { fileURLToPath } from 'node:url';
import type { TokenCipher } from '../lib/crypto.ts';
import { BudgetRepository } from './budget.ts';
import { ChannelProjectRepository } from './channel-projects.ts';
import { InstallationRepository } from './installations.ts';
import { LanguageChoiceRepository } from './languages.ts';
import { UserLinkRepository } from './links.ts';
import { applyPostgresMigrations, applySqliteMigrations, type MigrationResult } from './migrate.ts';
import { OAuthStateRepository } from './oauth-states.ts';
import { OutboxRepository } from './outbox.ts';
import { createPrismaClient } from './prisma.ts';
import { ReminderRepository } from './reminders.ts';
import { TimerRepository } from './timers.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));
export const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/postgres/migrations', import.meta.url));

/** `postgresql://…` selects PostgreSQL; `file:…` SQLite. */
function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

export interface Store {
  links: UserLinkRepository;
  installations: InstallationRepository;
  oauthStates: OAuthStateRepository;
  outbox: OutboxRepository;
  accepted: AcceptedRequestRepository;
  drafts: LogDraftRepository;
  digests: DigestRepository;
  reminders: ReminderRepository;
  timers: TimerRepository;
  channelProjects: ChannelProjectRepository;
  budget: BudgetRepository;
  languages: LanguageChoiceRepository;
  /** Statements sent to the database since the store was opened. */
  queryCount(): number;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function migrateStore(databaseUrl: string): Promise<MigrationResult> {
  return isPostgresUrl(databaseUrl) ? applyPostgresMigrations(databaseUrl, POSTGRES_MIGRATIONS_DIR) : applySqliteMigrations(databaseUrl, MIGRATIONS_DIR);
}

export function openStore(databaseUrl: string, cipher: TokenCipher): Store {
  let queries = 0;
  const db = createPrismaClient(databaseUrl, () => {
    queries++;
  });
  return {
    links: new UserLinkRepository(db, cipher),
    installations: new InstallationRepository(db, cipher),
    oauthStates: new OAuthStateRepository(db),
    outbox: new OutboxRepository(db),
    accepted: new AcceptedRequestRepository(db),
    drafts: new LogDraftRepository(db),
    digests: new DigestRepository(db),
    reminders: new ReminderRepository(db),
    timers: new TimerRepository(db),
    channelProjects: new ChannelProjectRepository(db),
    budget: new BudgetRepository(db),
    languages: new LanguageChoiceRepository(db),
    queryCount: () => queries,
    ping: async () => {
      await db.$queryRawUnsafe('SELECT 1');
    },
    close: () => db.$disconnect(),
  };
}
