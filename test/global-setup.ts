/**
 * Once per test run: a throw-away PostgreSQL server (Debian's postgresql binaries, 127.0.0.1, temp dir) so that
 * the store tests run on both stores. Its URL is handed to tests through `inject('postgresUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../tools/pg/throwaway.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** which store the listener harness uses in this project (SQLite unless said) */
    store?: 'sqlite' | 'postgresql';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startThrowawayPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
