import { describe, expect, it } from 'vitest';
import { describeSpecs } from './specs';

describe('describeSpecs', () => {
  it('joins spec values', () => {
    expect(describeSpecs({ 颜色: '粉色', 尺寸: '大号' })).toBe('粉色 / 大号');
  });
  it('names a SKU without specs', () => {
    expect(describeSpecs({})).toBe('默认规格');
  });
});
