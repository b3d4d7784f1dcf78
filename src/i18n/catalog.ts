import type { en } from './en.ts';

/** Every message's key: the English catalog is their source. */
export type MessageKey = keyof typeof en;
/** A language's catalog: exactly the English keys (a missing or extra key fails the type check). */
export type Catalog = { readonly [K in MessageKey]: string };

/** The identifier right after a `{`: up to the first `,` `}` or `{`, when it is one word (not `# entries`). */
type ArgAt<S extends string> = S extends `${infer Head}}${string}`
  ? Head extends `${infer Name},${string}`
    ? Word<Name>
    : Head extends `${infer Name}{${string}`
      ? Word<Name>
      : Word<Head>
  : never;
type Word<S extends string> = S extends `${string} ${string}` | `${string}#${string}` | '' ? never : S;
/** The names of a message's arguments, every `{` visited (plural branches hold arguments too). */
type ArgNames<S extends string> = S extends `${string}{${infer After}` ? ArgAt<After> | ArgNames<After> : never;
export type ArgsOf<K extends MessageKey> = [ArgNames<(typeof en)[K]>] extends [never] ? [] : [args: Record<ArgNames<(typeof en)[K]>, string | number>];

