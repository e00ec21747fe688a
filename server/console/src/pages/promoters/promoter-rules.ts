import type { BindingOutcome, PromoterStatus } from '@tidepool/shared';

export type PromoterAction = 'approve' | 'reject' | 'disable' | 'enable';

/** The buttons a promoter's state allows (the server applies the same moves and answers 409 otherwise). */
export function promoterActions(status: PromoterStatus): PromoterAction[] {
  switch (status) {
    case 'PENDING':
      return ['approve', 'reject'];
    case 'APPROVED':
      return ['disable'];
    case 'DISABLED':
    case 'REJECTED':
      return ['enable'];
    case 'NONE':
      return [];
  }
}

export const STATUS_BADGES: Record<PromoterStatus, 'default' | 'processing' | 'success' | 'error' | 'warning'> = {
  NONE: 'default',
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'error',
  DISABLED: 'default',
};

/** What each binding decision meant, in words an operator settling a dispute can read. */
export const BINDING_OUTCOME_LABELS: Record<BindingOutcome | 'ORDER_EXTENDED', string> = {
  BOUND: '首次绑定',
  REBOUND: '改绑（保护期已过）',
  EXTENDED: '同一推手再次分享，延长保护期',
  KEPT: '保护期内，保持原推手',
  REFUSED_SELF: '不能绑定自己',
  REFUSED_LOOP: '不能绑定自己的上级（形成循环）',
  ANONYMOUS: '未登录访问，未绑定',
  UNREFERRED: '无效分享，未绑定',
  ORDER_EXTENDED: '下单后延长保护期',
};

/** The debt, when available went negative after a clawback; shown apart from available. */
export function availableAndDebt(availableFen: number): { availableFen: number; debtFen: number } {
  return availableFen < 0 ? { availableFen: 0, debtFen: -availableFen } : { availableFen, debtFen: 0 };
}
