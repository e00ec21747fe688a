import {
  type AdminOrderRow,
  FULFILMENT_LABELS,
  fen,
  ORDER_CHANNEL_LABELS,
  orderStateLabel,
  formatFen,
} from '@tidepool/shared';

export const ORDER_CSV_HEADER = [
  '订单号',
  '会员手机号',
  '门店',
  '渠道',
  '配送方式',
  '状态',
  '实付金额(元)',
  '件数',
  '下单时间',
  '支付时间',
] as const;

/** One CSV line (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break). */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string | number): string {
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in Excel: quote it as text.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The export's cells: amounts in yuan with 2 decimals, times in the brand's zone (YYYY-MM-DD HH:mm:ss). */
export function exportRowCells(row: AdminOrderRow, timeZone: string): (string | number)[] {
  return [
    row.orderNo,
    row.memberPhoneMasked ?? '',
    row.storeName ?? '品牌发货',
    ORDER_CHANNEL_LABELS[row.channel],
    FULFILMENT_LABELS[row.fulfilment],
    orderStateLabel(row.state, row.fulfilment),
    formatFen(fen(row.payableFen)).replace('¥', ''),
    row.itemCount,
    zonedDateTime(row.createdAt, timeZone),
    row.paidAt ? zonedDateTime(row.paidAt, timeZone) : '',
  ];
}

export function zonedDateTime(iso: string, timeZone: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
