import type { PageQuery } from './pagination.contract';
import type { Role } from './auth.contract';

/**
 * What an operator write can change. Each console page shows the entries of the object it displays
 * (GET /api/admin/audit?objectType=…&objectId=…), and 操作日志 shows them all.
 */
export const AUDIT_OBJECT_TYPES = [
  'product',
  'sku',
  'category',
  'product_image',
  'order',
  'after_sale',
  'drop',
  'gift',
  'redemption',
  'coupon_template',
  'member',
  'promoter',
  'withdrawal',
  'store',
  'staff',
  'brand_rules',
  'campaign',
  'segment',
  'win_back_programme',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

export const AUDIT_OBJECT_LABELS: Record<AuditObjectType, string> = {
  product: '商品',
  sku: 'SKU',
  category: '类目',
  product_image: '商品图片',
  order: '订单',
  after_sale: '售后单',
  drop: '团购',
  gift: '积分礼品',
  redemption: '兑换记录',
  coupon_template: '优惠券模板',
  member: '会员',
  promoter: '推手',
  withdrawal: '提现',
  store: '门店',
  staff: '员工',
  brand_rules: '品牌规则',
  campaign: '营销活动',
  segment: '人群',
  win_back_programme: '流失挽回',
};

/** One operator write: who, when, what, and the object before and after (null when created or removed). */
export interface AuditEntryView {
  id: number;
  /** UTC ISO instant; the console shows it in the brand's zone. */
  at: string;
  actorId: number;
  actorRole: Role;
  actorName: string;
  /** A dotted verb, e.g. `product.update`, `order.ship`, `coupon.issue`. */
  action: string;
  objectType: AuditObjectType;
  objectId: string;
  /** The store the object belongs to, when it belongs to one (store managers see only theirs). */
  storeId: number | null;
  before: unknown;
  after: unknown;
}

/** GET /api/admin/audit */
export interface AuditListQuery extends PageQuery {
  objectType?: AuditObjectType;
  objectId?: string;
  actorId?: number;
  action?: string;
  /** UTC ISO instants, inclusive `from`, exclusive `to`. */
  from?: string;
  to?: string;
}
