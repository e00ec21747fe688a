/** A nickname with its middle hidden (张*三, A***e); empty stays empty. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return `${chars[0]}*`;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
}

/** An order number with its middle hidden: the first 4 and last 4 characters stay. */
export function maskOrderNo(orderNo: string): string {
  if (orderNo.length <= 8) return orderNo;
  return `${orderNo.slice(0, 4)}****${orderNo.slice(-4)}`;
}
