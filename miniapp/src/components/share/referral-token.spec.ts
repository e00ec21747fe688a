import { describe, expect, it } from 'vitest';
import { normaliseReferralToken, referralTokenFromQuery, referralTokenFromUrl } from './referral-token';

describe('normaliseReferralToken', () => {
  it('accepts 1-32 letters and digits', () => {
    expect(normaliseReferralToken('aB3')).toBe('aB3');
    expect(normaliseReferralToken('x'.repeat(32))).toBe('x'.repeat(32));
    expect(normaliseReferralToken('  tok9  ')).toBe('tok9');
  });

  it('drops forged values: too long, other characters, empty, not a string', () => {
    expect(normaliseReferralToken('x'.repeat(33))).toBeNull();
    expect(normaliseReferralToken('abc-def')).toBeNull();
    expect(normaliseReferralToken('<script>')).toBeNull();
    expect(normaliseReferralToken('')).toBeNull();
    expect(normaliseReferralToken(undefined)).toBeNull();
    expect(normaliseReferralToken(42)).toBeNull();
    expect(normaliseReferralToken('%E4%BD%A0')).toBeNull();
    expect(normaliseReferralToken('%ZZ')).toBeNull();
  });

  it('decodes a scene WeChat hands over encoded, once or twice, and reads rt= inside it', () => {
    expect(normaliseReferralToken('abc%31')).toBe('abc1');
    expect(normaliseReferralToken('rt%3DAbc123')).toBe('Abc123');
    expect(normaliseReferralToken('rt%253DAbc123')).toBe('Abc123');
    expect(normaliseReferralToken('x=1&ref=Zz9')).toBe('Zz9');
    expect(normaliseReferralToken('x=1&y=2')).toBeNull();
  });
});

describe('referralTokenFromQuery', () => {
  it('prefers rt, then ref, then scene', () => {
    expect(referralTokenFromQuery({ id: '3', rt: 'aaa', ref: 'bbb', scene: 'ccc' })).toBe('aaa');
    expect(referralTokenFromQuery({ ref: 'bbb', scene: 'ccc' })).toBe('bbb');
    expect(referralTokenFromQuery({ scene: 'ccc' })).toBe('ccc');
  });

  it('skips a forged key and takes the next valid one', () => {
    expect(referralTokenFromQuery({ rt: 'bad token', scene: 'ok1' })).toBe('ok1');
    expect(referralTokenFromQuery({ id: '3' })).toBeNull();
    expect(referralTokenFromQuery(undefined)).toBeNull();
  });
});

describe('referralTokenFromUrl', () => {
  it('reads the token from a URL or a path with a query', () => {
    expect(referralTokenFromUrl('/packages/product/pages/detail/index?id=3&rt=Tok1')).toBe('Tok1');
    expect(referralTokenFromUrl('http://127.0.0.1:3000/pages/index/index?scene=Tok2#top')).toBe('Tok2');
    expect(referralTokenFromUrl('/pages/index/index')).toBeNull();
    expect(referralTokenFromUrl('/x?rt=')).toBeNull();
    expect(referralTokenFromUrl(null)).toBeNull();
  });
});
