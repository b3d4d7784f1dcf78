import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-pg/client.ts';

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    // Both clients are generated from the same models (prisma/postgres/schema.prisma is derived from
    // prisma/schema.prisma, and a test keeps them in step); TypeScript cannot relate two generated namespaces,
    // so the PostgreSQL client is used through the SQLite client's type. The store tests run on both.
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl, timeout: 10_000 }) });
}

/** Prisma's code for a unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
