import { describe, expect, it } from 'vitest';
import { readSignupToken } from './signup-token';

describe('readSignupToken', () => {
  it('reads the weapp scene (URL-encoded) or the H5 token', () => {
    expect(readSignupToken({ scene: 's%3Dabc123' })).toBe('s=abc123');
    expect(readSignupToken({ scene: 'abc123' })).toBe('abc123');
    expect(readSignupToken({ token: 'Xy-9_z' })).toBe('Xy-9_z');
    expect(readSignupToken({ token: 'a%252Fb' })).toBe('a/b');
  });

  it('is null without one', () => {
    expect(readSignupToken({})).toBeNull();
    expect(readSignupToken({ token: '' })).toBeNull();
    expect(readSignupToken({ scene: 'undefined' })).toBeNull();
    expect(readSignupToken({ token: '%E0%A4%A' })).toBe('%E0%A4%A');
  });
});
