import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.ts';

const PREFIX = 'enc:v1';

/** Key id stored beside each ciphertext, so rotation knows which key opens it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * AES-256-GCM encryption of secrets at rest. The current key encrypts; older keys (rotation) still decrypt.
 * Format: `enc:v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>`.
 */
export class TokenCipher {
  readonly #current: { id: string; key: Buffer };
  readonly #byId: Map<string, Buffer>;

  constructor(currentKey: Buffer, previousKeys: Buffer[] = []) {
    for (const key of [currentKey, ...previousKeys]) {
      if (key.length !== 32) throw new AppError('config', 'A token encryption key must be 32 bytes.');
    }
    this.#current = { id: keyIdOf(currentKey), key: currentKey };
    this.#byId = new Map([currentKey, ...previousKeys].map((key) => [keyIdOf(key), key]));
  }

  get currentKeyId(): string {
    return this.#current.id;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [PREFIX, this.#current.id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== PREFIX) {
      throw new AppError('crypto', 'Stored secret is not in the expected encrypted format.');
    }
    const [, , keyId, iv, tag, body] = parts as [string, string, string, string, string, string];
    const key = this.#byId.get(keyId);
    if (!key) throw new AppError('crypto', `No encryption key with id ${keyId} is configured.`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new AppError('crypto', 'A stored secret could not be decrypted (wrong key or tampered data).', { cause });
    }
  }

  /** True when the value was sealed with an older key and should be re-encrypted. */
  needsRotation(sealed: string): boolean {
    return sealed.split(':')[2] !== this.#current.id;
  }
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Development convenience: without TOKEN_ENCRYPTION_KEY, keep a random key in a file beside the store,
 * so tokens stay encrypted and survive restarts. Production refuses to start without a configured key.
 */
function loadOrCreateKeyFile(path: string): Buffer {
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}

/**
 * The cipher for a store: the configured key (older ones still accepted), else a development key kept in a
 * file beside the SQLite database (`onDevelopmentKey` is told where, to warn about it).
 */
export function cipherForStore(opts: { key: string | undefined; previousKeys: string[]; databaseUrl: string }, onDevelopmentKey?: (keyPath: string) => void): TokenCipher {
  const previous = opts.previousKeys.map((k) => Buffer.from(k, 'base64'));
  if (opts.key) return new TokenCipher(Buffer.from(opts.key, 'base64'), previous);
  const keyPath = join(dirname(opts.databaseUrl.replace(/^file:/, '')), 'token-encryption.key');
  onDevelopmentKey?.(keyPath);
  return new TokenCipher(loadOrCreateKeyFile(keyPath), previous);
}
