import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/**
 * Whether a text is well-formed UTF-16: no lone surrogate (U+D800–U+DFFF not in a pair). A password is hashed as
 * UTF-8, where every lone surrogate becomes U+FFFD: "a\uD800" and "a\uDFFF" would be one password. The forms refuse
 * such passwords with a message (both renditions); hashing one is a defect.
 */
export function isWellFormedText(text: string): boolean {
  // With the u flag a pair is one code point, so the class matches only a surrogate standing alone.
  return !/[\uD800-\uDFFF]/u.test(text);
}

/** A salted scrypt hash, stored as `scrypt$<salt hex>$<key hex>`. */
export async function hashPassword(password: string): Promise<string> {
  if (!isWellFormedText(password)) throw new RangeError('A password with a lone surrogate reached hashPassword.');
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

// Verifying against this when the email is unknown makes both failure paths do the same work (ASVS 5.0 6.3.8).
export const DUMMY_PASSWORD_HASH = await hashPassword(randomBytes(16).toString('hex'));
