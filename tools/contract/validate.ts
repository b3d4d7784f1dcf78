/** Checks requests and answers against the trimmed COR contract (tools/contract/cor-contract.json). */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { CONTRACT_PATH } from './derive.ts';

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: { type?: string | string[] };
}
interface Operation {
  parameters: Parameter[];
  requestBody: { required?: boolean; content: Record<string, { schema: object }> } | null;
  response: object | null;
}

export interface Exchange {
  method: string;
  route: string;
  query: Record<string, string>;
  body: unknown;
  contentType: string | undefined;
  status: number;
  response: unknown;
}

export class CorContract {
  readonly operations: Record<string, Operation>;
  readonly #ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  readonly #compiled = new Map<object, ValidateFunction>();

  constructor(path = CONTRACT_PATH) {
    this.operations = (JSON.parse(readFileSync(path, 'utf8')) as { operations: Record<string, Operation> }).operations;
  }

  #validate(schema: object, value: unknown): string[] {
    let fn = this.#compiled.get(schema);
    if (!fn) {
      fn = this.#ajv.compile(schema);
      this.#compiled.set(schema, fn);
    }
    return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
  }

  /** Problems with the request the client sent; empty when it conforms. */
  requestProblems(x: Exchange): string[] {
    const op = this.operations[`${x.method} ${x.route}`];
    if (!op) return [`${x.method} ${x.route} is not an operation of the contract`];
    const problems: string[] = [];
    const declared = op.parameters.filter((p) => p.in === 'query');
    for (const p of declared) {
      if (p.required && x.query[p.name] === undefined) problems.push(`missing required query parameter ${p.name}`);
    }
    for (const [name, value] of Object.entries(x.query)) {
      const p = declared.find((d) => d.name === name);
      if (!p) {
        problems.push(`undeclared query parameter ${name}`);
        continue;
      }
      const types = [p.schema?.type ?? 'string'].flat();
      const fits = types.some((t) =>
        t === 'integer' ? /^-?\d+$/.test(value) : t === 'boolean' ? value === 'true' || value === 'false' : t === 'number' ? !Number.isNaN(Number(value)) : true,
      );
      if (!fits) problems.push(`query parameter ${name}=${value} is not ${types.join('|')}`);
      if (name === 'filters' || name === 'order' || name === 'orderBy') {
        try {
          JSON.parse(value);
        } catch {
          problems.push(`${name} is not URL-encoded JSON`);
        }
      }
    }
    if (op.requestBody) {
      const type = Object.keys(op.requestBody.content).find((t) => x.contentType?.includes(t));
      if (!type) problems.push(`content type ${x.contentType ?? '(none)'} is not one of ${Object.keys(op.requestBody.content).join(', ')}`);
      else problems.push(...this.#validate(op.requestBody.content[type]?.schema ?? {}, x.body).map((e) => `request body ${e}`));
    } else if (x.body !== undefined && !(typeof x.body === 'object' && x.body !== null && Object.keys(x.body).length === 0)) {
      problems.push('a body was sent where the contract has none');
    }
    return problems;
  }

  /** Problems with a 2xx answer; empty when it conforms. */
  responseProblems(x: Exchange): string[] {
    const op = this.operations[`${x.method} ${x.route}`];
    if (!op) return [`${x.method} ${x.route} is not an operation of the contract`];
    if (x.status < 200 || x.status >= 300 || !op.response) return [];
    return this.#validate(op.response, x.response).map((e) => `response ${e}`);
  }
}
