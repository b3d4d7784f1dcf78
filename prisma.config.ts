// Prisma CLI configuration: the JS engine with the better-sqlite3 adapter, so nothing is downloaded.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';

type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connectToShadowDb']>>;

/**
 * The WASM schema engine replays each migration into the shadow database with one executeRaw call, but
 * better-sqlite3 runs one statement per call (P3006). A parameterless multi-statement script goes to
 * executeScript instead, which runs them all.
 */
class MigrationFriendlySQLite3 extends PrismaBetterSQLite3 {
  override async connectToShadowDb(): Promise<ShadowAdapter> {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length === 0 && query.sql.trim().replace(/;\s*$/, '').includes(';')) {
        await shadow.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return shadow;
  }
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    return new MigrationFriendlySQLite3({ url: process.env.DATABASE_URL ?? 'file::memory:' });
  },
});
