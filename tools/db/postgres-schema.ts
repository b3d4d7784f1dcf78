/**
 * The PostgreSQL schema is derived from `prisma/schema.prisma` (the one model definition): same models, another
 * datasource and its own generated client. `npm run db:pg-schema` writes it; a test checks it is in step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SQLITE_SCHEMA = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
export const POSTGRES_SCHEMA = fileURLToPath(new URL('../../prisma/postgres/schema.prisma', import.meta.url));

export function postgresSchemaFrom(sqlite: string): string {
  const swapped = sqlite
    .replace('output       = "../src/generated/prisma"', 'output       = "../../src/generated/prisma-pg"')
    .replace(/datasource db \{[^}]*\}/, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/cor_slack"\n}');
  if (swapped === sqlite || !swapped.includes('provider = "postgresql"') || !swapped.includes('prisma-pg')) throw new Error('prisma/schema.prisma no longer has the expected generator/datasource blocks');
  return `// GENERATED from prisma/schema.prisma by \`npm run db:pg-schema\`: edit that file, not this one.\n${swapped}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, 'utf8')));
  process.stdout.write(`wrote ${POSTGRES_SCHEMA}\n`);
}
