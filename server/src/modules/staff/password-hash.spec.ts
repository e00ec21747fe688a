import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hash';

describe('password hash', () => {
  it('verifies the right password only, and salts every hash', async () => {
    const hash = await hashPassword('tidepool123');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('tidepool123');
    expect(await verifyPassword('tidepool123', hash)).toBe(true);
    expect(await verifyPassword('tidepool124', hash)).toBe(false);
    expect(await hashPassword('tidepool123')).not.toBe(hash);
  });

  it('refuses malformed stored hashes', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$a$b')).toBe(false);
  });
});
