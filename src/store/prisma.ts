import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.ts';

export type { PrismaClient };

/** Every statement the client sends is counted (operators see it in /metrics; the bench per request). */
const QUERY_EVENTS = [{ emit: 'event', level: 'query' }] as const;

export function createPrismaClient(databaseUrl: string, onQuery: () => void = () => {}): PrismaClient {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [...QUERY_EVENTS] });
    client.$on('query', onQuery);
    // Both clients are generated from the same models (prisma/postgres/schema.prisma is derived from
    // prisma/schema.prisma, and a test keeps them in step); TypeScript cannot relate two generated namespaces,
    // so the PostgreSQL client is used through the SQLite client's type. The store tests run on both.
    return client as unknown as PrismaClient;
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }), log: [...QUERY_EVENTS] });
  client.$on('query', onQuery);
  return client as unknown as PrismaClient;
}

/** Prisma's code for a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
