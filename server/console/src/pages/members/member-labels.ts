/** Labels the member profile shows for the server's codes, and the adjustment forms' request ids. */

export const GROWTH_KIND_LABELS: Record<string, string> = {
  EARN: '消费获得',
  REVERSE: '退款扣回',
  ADJUST: '人工调整',
};

export const LOT_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  ACTIVE: { text: '可用', color: 'green' },
  SPENT: { text: '已用完', color: 'default' },
  EXPIRED: { text: '已过期', color: 'red' },
};

export const VOUCHER_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  AVAILABLE: { text: '可用', color: 'green' },
  REDEEMED: { text: '已核销', color: 'default' },
  EXPIRED: { text: '已过期', color: 'red' },
};

/** A label for a code, falling back to the code itself so a new server value still shows. */
export function labelOf(labels: Record<string, string | { text: string }>, code: string): string {
  const label = labels[code];
  if (label === undefined) return code;
  return typeof label === 'string' ? label : label.text;
}

/** One idempotency key per opening of an adjustment form: a retried submit never adjusts twice. */
export function newRequestId(prefix = 'console', now = Date.now(), random = Math.random()): string {
  return `${prefix}-${now}-${random.toString(36).slice(2, 10).padEnd(4, '0')}`;
}

/** Why a member-id confirmation does not match (null when it does): the queue's irreversible step. */
export function confirmationProblem(typed: string, memberId: number): string | null {
  if (!typed.trim()) return '请输入会员 ID 以确认';
  return Number(typed.trim()) === memberId ? null : '会员 ID 不一致';
}
