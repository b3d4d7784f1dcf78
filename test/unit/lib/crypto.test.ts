import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, TokenCipher } from '../../../src/lib/crypto.ts';

describe('TokenCipher', () => {
  const key = randomBytes(32);

  it('round-trips and never shows the secret in the sealed form', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.encrypt('cor-at-super-secret');
    expect(sealed).not.toContain('super-secret');
    expect(sealed.startsWith(`enc:v1:${keyIdOf(key)}:`)).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('cor-at-super-secret');
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('decrypts with a previous key after rotation and says what needs re-encryption', () => {
    const old = new TokenCipher(key);
    const sealed = old.encrypt('refresh-me');
    const rotated = new TokenCipher(randomBytes(32), [key]);
    expect(rotated.decrypt(sealed)).toBe('refresh-me');
    expect(rotated.needsRotation(sealed)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
  });

  it('refuses tampered data, unknown keys and wrong key sizes', () => {
    const cipher = new TokenCipher(key);
    const sealed = cipher.encrypt('value');
    const parts = sealed.split(':');
    parts[5] = Buffer.from('forged').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow(/could not be decrypted/);
    expect(() => new TokenCipher(randomBytes(32)).decrypt(sealed)).toThrow(/No encryption key/);
    expect(() => cipher.decrypt('plain-text')).toThrow(/expected encrypted format/);
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
