import { describe, expect, it } from 'vitest';
import {
  buildSkuRows,
  fenToYuan,
  groupsFromSkus,
  imageFileProblem,
  rowsFromSkus,
  type SkuRow,
  specCombinations,
  specsKey,
  toSkuEdits,
  validateSkuRows,
  yuanToFen,
} from './sku-matrix';

describe('spec combinations', () => {
  it('multiplies the groups in order, skipping empty names, empty and repeated values', () => {
    expect(
      specCombinations([
        { name: '颜色', values: ['红', '蓝', '红', ' '] },
        { name: ' ', values: ['x'] },
        { name: '尺寸', values: ['大', '小'] },
      ]),
    ).toEqual([
      { 颜色: '红', 尺寸: '大' },
      { 颜色: '红', 尺寸: '小' },
      { 颜色: '蓝', 尺寸: '大' },
      { 颜色: '蓝', 尺寸: '小' },
    ]);
  });

  it('no usable group gives one SKU without specs', () => {
    expect(specCombinations([])).toEqual([{}]);
    expect(specCombinations([{ name: '颜色', values: [] }])).toEqual([{}]);
  });
});

describe('the SKU table', () => {
  const row = (specs: Record<string, string>, extra: Partial<SkuRow> = {}): SkuRow => ({
    key: specsKey(specs),
    specs,
    price: '',
    stock: 0,
    code: '',
    ...extra,
  });

  it('keeps what was typed for a combination still in the matrix and adds blank rows for new ones', () => {
    const typed = row({ 颜色: '红' }, { price: '19.9', code: 'A-1', stock: 5 });
    const rows = buildSkuRows([{ name: '颜色', values: ['红', '蓝'] }], [typed]);
    expect(rows).toEqual([typed, row({ 颜色: '蓝' })]);
  });

  it('drops new rows that left the matrix but keeps existing SKUs (the server keeps them)', () => {
    const existing = row({ 颜色: '绿' }, { id: 7, price: '1.00', code: 'G' });
    const fresh = row({ 颜色: '黄' }, { price: '2' });
    const rows = buildSkuRows([{ name: '颜色', values: ['红'] }], [existing, fresh]);
    expect(rows.map((r) => r.specs)).toEqual([{ 颜色: '红' }, { 颜色: '绿' }]);
  });

  it('rebuilds the groups and rows of a loaded product', () => {
    const skus = [
      { id: 1, productId: 1, code: 'R', specs: { 颜色: '红' }, priceFen: 1990, stock: 3, sort: 0 },
      { id: 2, productId: 1, code: 'B', specs: { 颜色: '蓝' }, priceFen: 2000, stock: 0, sort: 1 },
    ] as unknown as Parameters<typeof rowsFromSkus>[0];
    expect(groupsFromSkus(skus)).toEqual([{ name: '颜色', values: ['红', '蓝'] }]);
    expect(rowsFromSkus(skus).map((r) => [r.id, r.price, r.stock])).toEqual([
      [1, '19.90', 3],
      [2, '20.00', 0],
    ]);
  });

  it('sends new rows with their stock and existing ones by id without it, prices in fen', () => {
    const edits = toSkuEdits([
      row({ 颜色: '红' }, { id: 3, price: '19.9', code: ' R ', stock: 8 }),
      row({ 颜色: '蓝' }, { price: '0.05', code: 'B', stock: 2 }),
    ]);
    expect(edits).toEqual([
      { id: 3, code: 'R', specs: { 颜色: '红' }, priceFen: 1990, sort: 0 },
      { code: 'B', specs: { 颜色: '蓝' }, priceFen: 5, sort: 1, stock: 2 },
    ]);
  });

  it('names what is wrong in each row', () => {
    const errors = validateSkuRows([
      row({ 颜色: '红' }, { price: '19.999', code: 'A', stock: 1 }),
      row({ 颜色: '蓝' }, { price: '0', code: 'a', stock: -1 }),
      row({ 颜色: '绿' }, { price: '5', code: '编码', stock: null }),
      row({ 颜色: '紫' }, { price: '5', code: 'OK-1', stock: 0 }),
    ]);
    expect(errors[specsKey({ 颜色: '红' })]).toEqual({ price: expect.any(String), code: '编码重复' });
    expect(errors[specsKey({ 颜色: '蓝' })]).toEqual({
      price: expect.any(String),
      stock: expect.any(String),
      code: '编码重复',
    });
    expect(Object.keys(errors[specsKey({ 颜色: '绿' })])).toEqual(['stock', 'code']);
    expect(errors[specsKey({ 颜色: '紫' })]).toBeUndefined();
  });
});

describe('yuan and fen', () => {
  it('parses typed yuan into integer fen, refusing what is ambiguous, zero or negative', () => {
    expect(yuanToFen('19.9')).toBe(1990);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen(' 12 ')).toBe(1200);
    expect(yuanToFen('¥12.30')).toBe(1230);
    for (const bad of ['', '0', '-1', '1.234', '1,000', 'abc', '100001']) expect(yuanToFen(bad), bad).toBeNull();
  });

  it('shows fen as yuan with two decimals and round-trips', () => {
    expect(fenToYuan(1990)).toBe('19.90');
    expect(fenToYuan(5)).toBe('0.05');
    for (const amount of [1, 99, 100, 12345, 10_000_000]) expect(yuanToFen(fenToYuan(amount))).toBe(amount);
  });
});

describe('image files', () => {
  it('takes JPG, PNG and WebP up to 2MB, names the problem otherwise', () => {
    expect(imageFileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(imageFileProblem({ type: 'image/gif', size: 1000 })).toContain('JPG');
    expect(imageFileProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 + 1 })).toBe('图片不能超过 2MB');
  });
});
