import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MEMBER_CODE,
  checkMemberCodeOtp,
  hotp,
  memberCodeAt,
  msUntilNextStep,
  parseMemberCode,
  timeStep,
} from './member-code';
import { hmacSha1, sha1 } from './sha1';

const RFC_SECRET = Buffer.from('12345678901234567890').toString('hex');

describe('sha1 / hmacSha1', () => {
  it('matches node:crypto for arbitrary inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 100 }), (key, message) => {
        expect(Buffer.from(sha1(message)).toString('hex')).toBe(createHash('sha1').update(message).digest('hex'));
        expect(Buffer.from(hmacSha1(key, message)).toString('hex')).toBe(
          createHmac('sha1', key).update(message).digest('hex'),
        );
      }),
    );
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s the code is %s', (seconds, expected) => {
    expect(hotp(RFC_SECRET, timeStep(seconds * 1000))).toBe(expected);
  });
});

describe('member code', () => {
  const credential = { handle: '4821937465', secret: randomBytes(20).toString('hex') };
  const stepMs = MEMBER_CODE.stepSeconds * 1000;
  const t0 = Date.UTC(2026, 10, 25, 4, 0, 0); // a step boundary

  it('is 18 digits: the handle then the one-time part', () => {
    const code = memberCodeAt(credential, t0);
    expect(code).toMatch(/^\d{18}$/);
    expect(code.startsWith(credential.handle)).toBe(true);
    expect(parseMemberCode(code)).toEqual({ handle: credential.handle, otp: code.slice(10) });
  });

  it('changes at the step edge and not inside a step', () => {
    expect(memberCodeAt(credential, t0)).toBe(memberCodeAt(credential, t0 + stepMs - 1));
    expect(memberCodeAt(credential, t0)).not.toBe(memberCodeAt(credential, t0 + stepMs));
    expect(msUntilNextStep(t0)).toBe(stepMs);
    expect(msUntilNextStep(t0 + stepMs - 1)).toBe(1);
  });

  it('accepts the current and the previous step only', () => {
    const otp = memberCodeAt(credential, t0).slice(10);
    expect(checkMemberCodeOtp(credential.secret, otp, t0)).toEqual({ result: 'valid', step: timeStep(t0) });
    expect(checkMemberCodeOtp(credential.secret, otp, t0 + stepMs)).toEqual({ result: 'valid', step: timeStep(t0) });
    expect(checkMemberCodeOtp(credential.secret, otp, t0 + 2 * stepMs)).toEqual({ result: 'expired' });
    expect(checkMemberCodeOtp(credential.secret, otp, t0 + 2 * stepMs - 1)).toEqual({
      result: 'valid',
      step: timeStep(t0),
    });
  });

  it('refuses a code from the future, a forged code and one made with another secret', () => {
    const future = memberCodeAt(credential, t0 + stepMs).slice(10);
    expect(checkMemberCodeOtp(credential.secret, future, t0).result).toBe('invalid');
    const other = memberCodeAt({ ...credential, secret: randomBytes(20).toString('hex') }, t0).slice(10);
    expect(checkMemberCodeOtp(credential.secret, other, t0).result).toBe('invalid');
    expect(checkMemberCodeOtp(credential.secret, '00000000', t0).result).not.toBe('valid');
  });

  it('is expired, not invalid, for a code a few minutes old, and invalid once it is much older', () => {
    const otp = memberCodeAt(credential, t0).slice(10);
    expect(checkMemberCodeOtp(credential.secret, otp, t0 + 10 * stepMs).result).toBe('expired');
    expect(checkMemberCodeOtp(credential.secret, otp, t0 + 60 * stepMs).result).toBe('invalid');
  });

  it('parses typed input with spaces and rejects anything else', () => {
    expect(parseMemberCode('4821 9374 6512 3456 78')).toEqual({ handle: '4821937465', otp: '12345678' });
    expect(parseMemberCode('082193746512345678')).toBeNull();
    expect(parseMemberCode('48219374651234567')).toBeNull();
    expect(parseMemberCode('4821937465abcdefgh')).toBeNull();
    expect(parseMemberCode('')).toBeNull();
  });
});
