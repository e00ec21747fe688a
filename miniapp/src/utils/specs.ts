/** "粉色 / 大号" for a SKU's spec values; "默认规格" when it has none. */
export function describeSpecs(specs: Record<string, string>): string {
  const values = Object.values(specs).filter(Boolean);
  return values.length > 0 ? values.join(' / ') : '默认规格';
}
