import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths whose values are never written to a log line. */
const REDACT_PATHS = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'botToken',
  '*.botToken',
  'password',
  '*.password',
  'client_secret',
  '*.client_secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** Token-shaped substrings, scrubbed from free text (error messages Bolt or libraries produce). */
const SECRET_PATTERNS: RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /Basic\s+[A-Za-z0-9+/=]{8,}/gi,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'cor-slack' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: {
        log: (object) => {
          const err = object.err;
          if (err instanceof Error) {
            return { ...object, err: { type: err.name, message: scrubSecrets(err.message), code: (err as { code?: unknown }).code } };
          }
          return object;
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
}

function joinMessage(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p))).join(' ');
}

/** The Logger interface Bolt and @slack/web-api want, writing to our pino logger. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    // Bolt logs a lot at debug on every request: build the message only when it will be written.
    debug: (...msg) => child.isLevelEnabled('debug') && child.debug(joinMessage(msg)),
    info: (...msg) => child.isLevelEnabled('info') && child.info(joinMessage(msg)),
    warn: (...msg) => child.warn(joinMessage(msg)),
    error: (...msg) => child.error(joinMessage(msg)),
    // Our LOG_LEVEL governs; Bolt's requested level is only remembered for getLevel().
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
