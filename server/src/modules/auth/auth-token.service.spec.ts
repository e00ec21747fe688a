import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../common/clock/clock.service';
import { AuthTokenService } from './auth-token.service';

const SECRET = 's'.repeat(32);
const start = new Date('2026-11-25T02:00:00Z');

function service(clock = new TestClock(start), secret = SECRET, ttl = 3600) {
  return new AuthTokenService({ auth: { tokenSecret: secret, tokenTtlSeconds: ttl } }, clock);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (data: string, secret = SECRET) => createHmac('sha256', secret).update(data).digest('base64url');

describe('AuthTokenService', () => {
  it('round-trips a member and a cashier (with their store)', () => {
    const tokens = service();
    expect(tokens.verify(tokens.sign({ id: 7, role: 'member', storeId: null }))).toEqual({
      id: 7,
      role: 'member',
      storeId: null,
    });
    expect(tokens.verify(tokens.sign({ id: 3, role: 'cashier', storeId: 12 }))).toEqual({
      id: 3,
      role: 'cashier',
      storeId: 12,
    });
  });

  it('issues standard HS256 JWTs with sub, role, iat and exp', () => {
    const token = service().sign({ id: 7, role: 'operator', storeId: null });
    const [header, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      sub: '7',
      role: 'operator',
      iat: start.getTime() / 1000,
      exp: start.getTime() / 1000 + 3600,
    });
  });

  it('refuses a token from the moment it expires', () => {
    const clock = new TestClock(start);
    const tokens = service(clock);
    const token = tokens.sign({ id: 1, role: 'member', storeId: null });
    clock.advance(3599_000);
    expect(tokens.verify(token).id).toBe(1);
    clock.advance(1000);
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses forged, tampered and malformed tokens', () => {
    const tokens = service();
    const good = tokens.sign({ id: 1, role: 'member', storeId: null });
    const [header, , signature] = good.split('.');
    const exp = start.getTime() / 1000 + 60;
    const elevated = b64({ sub: '1', role: 'operator', iat: 0, exp });
    const noneHeader = b64({ alg: 'none', typ: 'JWT' });
    const bad = [
      '',
      'abc',
      `${header}.${elevated}.${signature}`, // payload swapped, old signature
      `${header}.${elevated}.${hs256(`${header}.${elevated}`, 'another-secret-another-secret-xx')}`,
      `${noneHeader}.${elevated}.`,
      `${good}.extra`,
      `${header}.${b64({ sub: 'x', role: 'member', iat: 0, exp })}.${hs256(`${header}.${b64({ sub: 'x', role: 'member', iat: 0, exp })}`)}`,
      `${header}.${b64({ sub: '1', role: 'root', iat: 0, exp })}.${hs256(`${header}.${b64({ sub: '1', role: 'root', iat: 0, exp })}`)}`,
      `${header}.${b64({ sub: '1', role: 'cashier', iat: 0, exp })}.${hs256(`${header}.${b64({ sub: '1', role: 'cashier', iat: 0, exp })}`)}`,
    ];
    for (const token of bad) {
      expect(() => tokens.verify(token), token).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });

  it('accepts a correctly signed token only under the same secret', () => {
    const token = service().sign({ id: 1, role: 'member', storeId: null });
    expect(() => service(new TestClock(start), 'x'.repeat(32)).verify(token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
