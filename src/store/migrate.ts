import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { AppError } from '../errors.ts';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** The folders of prisma/migrations in order: each holds one migration.sql. */
export function listMigrations(migrationsDir: string): { name: string; sql: string; checksum: string }[] {
  return readdirSync(migrationsDir)
    .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations from prisma/migrations to a SQLite store, recording them in Prisma's own
 * `_prisma_migrations` table so `prisma migrate status/diff` agree with what ran. Runs under an exclusive
 * write lock so two processes starting together apply each migration once.
 */
export function applySqliteMigrations(databaseUrl: string, migrationsDir: string): MigrationResult {
  const path = databaseUrl.replace(/^file:/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const applied: string[] = [];
    let alreadyApplied = 0;
    db.exec('BEGIN IMMEDIATE');
    try {
      const done = new Map(
        (
          db
            .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
            .all() as { migration_name: string; checksum: string }[]
        ).map((r) => [r.migration_name, r.checksum]),
      );
      const insert = db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const migration of listMigrations(migrationsDir)) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new AppError('migration', `Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
          }
          alreadyApplied++;
          continue;
        }
        const startedAt = new Date().toISOString();
        db.exec(migration.sql);
        insert.run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
        applied.push(migration.name);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}

/** Any number below: one migrator at a time across instances starting together on one PostgreSQL. */
const MIGRATION_LOCK = 726_354_001;

/**
 * Applies pending migrations from prisma/postgres/migrations to a PostgreSQL store, in one transaction under an
 * advisory lock (DDL is transactional there: a failed migration leaves nothing half done), recording them in
 * Prisma's `_prisma_migrations` table as `prisma migrate deploy` would.
 */
export async function applyPostgresMigrations(databaseUrl: string, migrationsDir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
      const rows = await client.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const done = new Map(rows.rows.map((r) => [r.migration_name, r.checksum]));
      const applied: string[] = [];
      let alreadyApplied = 0;
      for (const migration of listMigrations(migrationsDir)) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) throw new AppError('migration', `Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
          alreadyApplied++;
          continue;
        }
        const startedAt = new Date();
        await client.query(migration.sql);
        await client.query('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)', [
          randomUUID(),
          migration.checksum,
          migration.name,
          startedAt,
        ]);
        applied.push(migration.name);
      }
      await client.query('COMMIT');
      return { applied, alreadyApplied };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await client.end();
  }
}
