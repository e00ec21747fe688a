import {
  type AdminSkuDto,
  CATALOG_LIMITS,
  formatFen,
  fen,
  parseYuan,
  PRODUCT_IMAGE_RULES,
  type ProductSkuEdit,
} from '@tidepool/shared';

// Pure helpers of the product editor: the SKU matrix built from the spec groups, yuan ⇄ fen for the price
// inputs, and the client-side checks that spare the operator a round trip.

/** One spec group as the editor shows it: 颜色 → [红, 蓝]. */
export interface SpecGroup {
  name: string;
  values: string[];
}

/** One row of the SKU table. `id` marks a SKU that exists on the server (its stock moves by adjustment only). */
export interface SkuRow {
  key: string;
  id?: number;
  specs: Record<string, string>;
  /** The price as typed, in yuan ("19.9"). */
  price: string;
  /** Opening stock of a new SKU; the current stock of an existing one. */
  stock: number | null;
  code: string;
}

/** The spec combination as a comparable key (names sorted), the same key the server compares. */
export function specsKey(specs: Record<string, string>): string {
  return JSON.stringify(Object.entries(specs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The groups that count: a trimmed name and at least one distinct, trimmed value. */
export function usableGroups(groups: SpecGroup[]): SpecGroup[] {
  return groups
    .map((g) => ({ name: g.name.trim(), values: [...new Set(g.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((g) => g.name && g.values.length > 0);
}

/** Every combination of the groups' values, in the groups' order; no groups → one combination with no specs. */
export function specCombinations(groups: SpecGroup[]): Record<string, string>[] {
  return usableGroups(groups).reduce<Record<string, string>[]>(
    (combos, group) => combos.flatMap((combo) => group.values.map((value) => ({ ...combo, [group.name]: value }))),
    [{}],
  );
}

/**
 * The SKU table for the groups: one row per combination, keeping what was typed (or loaded) for a combination
 * that was already there. Existing SKUs whose combination left the matrix stay listed: the server keeps them
 * (a SKU may be in carts and orders), so the table must not pretend they are gone.
 */
export function buildSkuRows(groups: SpecGroup[], current: SkuRow[]): SkuRow[] {
  const byKey = new Map(current.map((row) => [row.key, row]));
  const rows = specCombinations(groups).map(
    (specs): SkuRow => byKey.get(specsKey(specs)) ?? { key: specsKey(specs), specs, price: '', stock: 0, code: '' },
  );
  const inMatrix = new Set(rows.map((row) => row.key));
  return [...rows, ...current.filter((row) => row.id !== undefined && !inMatrix.has(row.key))];
}

/** The spec groups that produce a product's existing SKUs (names in first-seen order, values likewise). */
export function groupsFromSkus(skus: Pick<AdminSkuDto, 'specs'>[]): SpecGroup[] {
  const groups = new Map<string, string[]>();
  for (const sku of skus) {
    for (const [name, value] of Object.entries(sku.specs)) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

export function rowsFromSkus(skus: AdminSkuDto[]): SkuRow[] {
  return skus.map((sku) => ({
    key: specsKey(sku.specs),
    id: sku.id,
    specs: sku.specs,
    price: formatFen(sku.priceFen).replace('¥', ''),
    stock: sku.stock,
    code: sku.code,
  }));
}

/** A typed price in fen, or null when it is not a positive amount of at most two decimals within the limit. */
export function yuanToFen(text: string): number | null {
  try {
    const amount = parseYuan(text);
    return amount > 0 && amount <= CATALOG_LIMITS.maxPriceFen ? amount : null;
  } catch {
    return null;
  }
}

export function fenToYuan(amount: number): string {
  return formatFen(fen(amount)).replace('¥', '');
}

const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export type SkuRowErrors = Record<string, Partial<Record<'price' | 'stock' | 'code', string>>>;

/** What is wrong with each row (by key), in words for the cell; an empty object when every row is fine. */
export function validateSkuRows(rows: SkuRow[]): SkuRowErrors {
  const errors: SkuRowErrors = {};
  const codes = new Map<string, number>();
  for (const row of rows) codes.set(row.code.trim().toLowerCase(), (codes.get(row.code.trim().toLowerCase()) ?? 0) + 1);
  for (const row of rows) {
    const e: SkuRowErrors[string] = {};
    if (yuanToFen(row.price) === null) e.price = '请输入大于 0 的价格（最多两位小数）';
    if (row.id === undefined && (row.stock === null || !Number.isInteger(row.stock) || row.stock < 0)) {
      e.stock = '请输入不小于 0 的整数';
    }
    const code = row.code.trim();
    if (!code) e.code = '请输入商品编码';
    else if (!SKU_CODE.test(code)) e.code = '编码只能包含字母、数字和 _ . -';
    else if ((codes.get(code.toLowerCase()) ?? 0) > 1) e.code = '编码重复';
    if (Object.keys(e).length > 0) errors[row.key] = e;
  }
  return errors;
}

/** The rows as the server takes them: new rows with their opening stock, existing ones by id without it. */
export function toSkuEdits(rows: SkuRow[]): ProductSkuEdit[] {
  return rows.map((row, sort) => {
    const base = { code: row.code.trim(), specs: row.specs, priceFen: yuanToFen(row.price) ?? 0, sort };
    return row.id !== undefined ? { id: row.id, ...base } : { ...base, stock: row.stock ?? 0 };
  });
}

/** "颜色：红 / 尺寸：大", or 默认 for a product without specs. */
export function specsLabel(specs: Record<string, string>): string {
  const entries = Object.entries(specs);
  return entries.length ? entries.map(([name, value]) => `${name}：${value}`).join(' / ') : '默认';
}

/** Why a file cannot be a product image before it is sent (null when it may be), as the server would say. */
export function imageFileProblem(file: { type: string; size: number }): string | null {
  if (!(PRODUCT_IMAGE_RULES.mimeTypes as readonly string[]).includes(file.type)) {
    return '只支持 JPG、PNG、WebP 格式的图片';
  }
  if (file.size > PRODUCT_IMAGE_RULES.maxBytes) return `图片不能超过 ${PRODUCT_IMAGE_RULES.maxBytes / 1024 / 1024}MB`;
  return null;
}
