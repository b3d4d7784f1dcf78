/**
 * Derives the trimmed COR contract the tests hold the client and the fake to: only the operations the bot
 * uses, with parameters, request bodies and 200 answers, every $ref resolved, no prose.
 * Run `npm run contract:derive` after ../shared/cor/openapi.json changes.
 *
 * Relaxation (documented in shared/cor/NOTES.md as seen in real tenants): tasks can carry custom statuses,
 * so the `status` enums of Task and TaskUpdateInput are dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const OPERATIONS: [string, string][] = [
  ['POST', '/oauth/token'],
  ['POST', '/oauth2/token'],
  ['POST', '/oauth/refreshtoken'],
  ['POST', '/auth/login'],
  ['GET', '/me'],
  ['GET', '/users'],
  ['GET', '/tasks'],
  ['GET', '/tasks/{task_id}'],
  ['PUT', '/tasks/{task_id}'],
  ['GET', '/tasks/search-by-title/{title}'],
  ['GET', '/hours'],
  ['POST', '/hours'],
  ['GET', '/projects'],
  ['GET', '/clients'],
  ['GET', '/user/leaves'],
  ['GET', '/working-time/company/with/users'],
];

export const SPEC_PATH = fileURLToPath(new URL('../../../shared/cor/openapi.json', import.meta.url));
export const CONTRACT_PATH = fileURLToPath(new URL('./cor-contract.json', import.meta.url));

const PROSE = new Set(['description', 'summary', 'example', 'examples', 'tags', 'title', 'externalDocs', 'operationId', 'deprecated']);
const RELAXED_ENUMS = new Set(['Task.status', 'TaskUpdateInput.status']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function deriveContract(spec: { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } }): Json {
  const resolve = (node: Json, schemaName?: string, depth = 0): Json => {
    if (depth > 40) throw new Error('schema nesting too deep (cycle?)');
    if (Array.isArray(node)) return node.map((n) => resolve(n, undefined, depth + 1));
    if (node === null || typeof node !== 'object') return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      const target = spec.components.schemas[name];
      if (target === undefined) throw new Error(`unresolved ${ref}`);
      return resolve(target, name, depth + 1);
    }
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      if (PROSE.has(k) && !(k === 'title' && typeof v !== 'string')) continue;
      if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
        const props: { [k: string]: Json } = {};
        for (const [prop, schema] of Object.entries(v)) {
          let resolved = resolve(schema, undefined, depth + 1);
          if (schemaName && RELAXED_ENUMS.has(`${schemaName}.${prop}`) && resolved && typeof resolved === 'object' && !Array.isArray(resolved)) {
            const { enum: _dropped, ...rest } = resolved;
            resolved = rest;
          }
          props[prop] = resolved;
        }
        out[k] = props;
        continue;
      }
      out[k] = resolve(v, undefined, depth + 1);
    }
    return out;
  };

  const operations: { [k: string]: Json } = {};
  for (const [method, path] of OPERATIONS) {
    const op = spec.paths[path]?.[method.toLowerCase()];
    if (!op || typeof op !== 'object' || Array.isArray(op)) throw new Error(`${method} ${path} is not in the spec`);
    const resolved = resolve(op) as { [k: string]: Json };
    const responses = (resolved.responses ?? {}) as { [k: string]: { content?: { [k: string]: { schema?: Json } } } };
    const ok = responses['200'] ?? responses['201'];
    operations[`${method} ${path}`] = {
      parameters: resolved.parameters ?? [],
      requestBody: (resolved.requestBody as Json) ?? null,
      response: ok?.content?.['application/json']?.schema ?? null,
    };
  }
  return { source: 'shared/cor/openapi.json', relaxations: [...RELAXED_ENUMS], operations };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  writeFileSync(CONTRACT_PATH, `${JSON.stringify(deriveContract(spec), null, 1)}\n`);
  process.stdout.write(`wrote ${CONTRACT_PATH}\n`);
}
