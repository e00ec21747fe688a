import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from './error-codes';

describe('error codes', () => {
  it('are SCREAMING_SNAKE_CASE with a Chinese message and a real HTTP status', () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
      expect(status === 0 || (status >= 400 && status < 600)).toBe(true);
    }
  });

  it('recognises known codes only', () => {
    expect(isErrorCode('PRODUCT_NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
