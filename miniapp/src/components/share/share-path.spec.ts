import { describe, expect, it } from 'vitest';
import { referralTokenFromUrl } from './referral-token';
import { buildShareQuery, buildSharePath, shareTargetPath } from './share-path';

describe('buildSharePath', () => {
  it('appends rt=<token> after the page parameters', () => {
    expect(buildSharePath('/packages/product/pages/detail/index', { id: 12 }, 'Ab12')).toBe(
      '/packages/product/pages/detail/index?id=12&rt=Ab12',
    );
    expect(buildSharePath('pages/index/index', {}, 'Ab12')).toBe('/pages/index/index?rt=Ab12');
  });

  it("replaces a token already in the parameters with the sharer's own", () => {
    const path = buildSharePath('/p', { id: 1, rt: 'Sender', ref: 'x', scene: 'y' }, 'Mine');
    expect(path).toBe('/p?id=1&rt=Mine');
    expect(referralTokenFromUrl(path)).toBe('Mine');
  });

  it('leaves out an invalid token and empty parameters, and encodes values', () => {
    expect(buildSharePath('/p', { id: 1 }, 'not a token')).toBe('/p?id=1');
    expect(buildSharePath('/p', { id: 1 }, 'x'.repeat(33))).toBe('/p?id=1');
    expect(buildSharePath('/p', { a: null, b: undefined, c: '' }, null)).toBe('/p');
    expect(buildSharePath('/p', { q: '蓝牙 耳机&' })).toBe('/p?q=%E8%93%9D%E7%89%99%20%E8%80%B3%E6%9C%BA%26');
  });
});

describe('shareTargetPath', () => {
  it('opens the product page for a product and home for the store', () => {
    expect(shareTargetPath({ targetType: 'PRODUCT', targetId: 7 }, 'T1')).toBe(
      '/packages/product/pages/detail/index?id=7&rt=T1',
    );
    expect(shareTargetPath({ targetType: 'STORE' }, 'T1')).toBe('/pages/index/index?rt=T1');
  });
});

describe('buildShareQuery (朋友圈)', () => {
  it('is the card path’s query: the page parameters and the promoter’s token', () => {
    expect(buildShareQuery({ id: 7 }, 'AbC123')).toBe('id=7&rt=AbC123');
    expect(buildShareQuery({ id: 7 }, 'AbC123')).toBe(buildSharePath('/x', { id: 7 }, 'AbC123').split('?')[1]);
  });

  it('drops a forwarded token and an invalid one, and is empty without parameters', () => {
    expect(buildShareQuery({ id: 7, rt: 'Sender1' }, 'Mine2')).toBe('id=7&rt=Mine2');
    expect(buildShareQuery({ id: 7 }, 'not a token!')).toBe('id=7');
    expect(buildShareQuery({}, null)).toBe('');
  });
});
