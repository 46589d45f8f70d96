import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../mock-server/domain/passwords.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same twice', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
  });

  it('never stores the password itself', async () => {
    expect(await hashPassword('visible-secret')).not.toContain('visible-secret');
  });

  it('treats a damaged stored hash as a wrong password, not an error', async () => {
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$$')).toBe(false);
    expect(await verifyPassword('x', 'md5$00$00')).toBe(false);
  });
});
