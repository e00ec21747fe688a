import type { CouponTemplateStatus } from '@tidepool/shared';

export const KIND_LABELS = { AMOUNT_OFF: '减 X 元', PERCENT: '打 N 折' } as const;
export const STACKING_LABELS = { EXCLUSIVE: '不可叠加', STACKABLE: '可与其他券叠加' } as const;
export const STATUS_BADGES: Record<CouponTemplateStatus, { text: string; status: 'Success' | 'Default' }> = {
  ACTIVE: { text: '启用中', status: 'Success' },
  STOPPED: { text: '已停用', status: 'Default' },
};
