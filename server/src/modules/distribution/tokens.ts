import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random token of `length` base-57 characters (no look-alikes); 12 characters carry ~70 bits. */
export function randomToken(length = 12): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b < ALPHABET.length * 4) out += ALPHABET[b % ALPHABET.length];
  }
  return out.length === length ? out : randomToken(length);
}
