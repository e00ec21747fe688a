import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { BrandRuleVersion } from '../modules/brand/brand-rule-version.entity';
import { Category } from '../modules/catalog/category.entity';
import { Product } from '../modules/catalog/product.entity';
import { Sku } from '../modules/catalog/sku.entity';
import { CouponTemplate } from '../modules/coupons/coupon-template.entity';
import { MemberCoupon } from '../modules/coupons/member-coupon.entity';
import { OrderItem } from '../modules/orders/order-item.entity';
import { Order } from '../modules/orders/order.entity';
import { PaymentRefund } from '../modules/orders/payment-refund.entity';
import { OutboxEvent } from '../modules/outbox/outbox-event.entity';
import { OutboxHandled } from '../modules/outbox/outbox-handled.entity';
import { TillTransaction } from '../modules/pos/till-transaction.entity';
import { JobRun } from '../modules/jobs/job-run.entity';
import { Member } from '../modules/members/member.entity';
import { MemberVoucher } from '../modules/members/voucher.entity';
import { MemberDeletionRequest } from '../modules/members/deletion-request.entity';
import { MemberCodeScan } from '../modules/store-mode/member-code-scan.entity';
import { SignupCode } from '../modules/stores/signup-code.entity';
import { StaffAccount } from '../modules/staff/staff-account.entity';
import { Brand } from '../modules/stores/brand.entity';
import { Store } from '../modules/stores/store.entity';
import { WechatAccessToken } from '../modules/wechat/wechat-access-token.entity';
import { LOYALTY_ENTITIES } from '../modules/loyalty/loyalty.entities';
import { POINTS_MALL_ENTITIES } from '../modules/points-mall/points-mall.entities';
import { CartItem } from '../modules/cart/cart-item.entity';
import { CartMerge } from '../modules/cart/cart-merge.entity';
import { DROP_ENTITIES } from '../modules/drops/drops.entities';
import { AFTER_SALE_ENTITIES } from '../modules/after-sales/after-sales.entities';
import { MemberAddress } from '../modules/addresses/member-address.entity';
import { StorefrontSettings } from '../modules/storefront/storefront-settings.entity';
import { DISTRIBUTION_ENTITIES } from '../modules/distribution/distribution.entities';
import { MemberFactsRow } from '../modules/member-facts/member-facts.entity';
import { MemberStageChange } from '../modules/member-facts/member-stage-change.entity';
import { CAMPAIGN_ENTITIES } from '../modules/campaigns/campaign.entities';
import { MESSAGES_ENTITIES } from '../modules/messages/messages.entities';
import { Segment } from '../modules/segments/segment.entity';
import { WinBackCycle, WinBackProgramme } from '../modules/win-back/win-back.entities';

/** Every entity, listed once: the data source, the migration generator and the drift test all read this. */
export const ENTITIES = [
  AuditEntry,
  BrandRuleVersion,
  Brand,
  Store,
  StaffAccount,
  Category,
  Product,
  Sku,
  WechatAccessToken,
  Member,
  SignupCode,
  MemberVoucher,
  MemberDeletionRequest,
  MemberCodeScan,
  JobRun,
  CouponTemplate,
  MemberCoupon,
  TillTransaction,
  Order,
  OrderItem,
  PaymentRefund,
  OutboxEvent,
  OutboxHandled,
  ...LOYALTY_ENTITIES,
  ...POINTS_MALL_ENTITIES,
  CartItem,
  CartMerge,
  ...DROP_ENTITIES,
  ...DISTRIBUTION_ENTITIES,
  ...AFTER_SALE_ENTITIES,
  MemberAddress,
  StorefrontSettings,
  MemberFactsRow,
  MemberStageChange,
  ...CAMPAIGN_ENTITIES,
  ...MESSAGES_ENTITIES,
  Segment,
  WinBackProgramme,
  WinBackCycle,
];
