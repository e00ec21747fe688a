import type { CheckoutDiscountView, ShippingAddress } from '@tidepool/shared';
import type { OrderItem } from './order-item.entity';
import type { Order } from './order.entity';

/** A priced order ready to be written: every amount already computed (by checkout, or at a drop's price). */
export interface OrderDraft {
  clientOrderId: string;
  fulfilment: Order['fulfilment'];
  address?: ShippingAddress;
  pickupStoreId?: number;
  remark?: string;
  subtotalFen: number;
  totalDiscountFen: number;
  payableFen: number;
  discounts: CheckoutDiscountView[];
  ruleVersions: Record<string, unknown>;
  couponIds: number[];
  pointsToAward: number;
  /** How long the order holds its units unpaid (also WeChat Pay's time_expire). */
  reservationSeconds: number;
  dropId: number | null;
  lines: Array<
    Omit<
      OrderItem,
      'id' | 'orderId' | 'refundState' | 'refundedQuantity' | 'refundedFen' | 'refundingQuantity' | 'refundingFen'
    >
  >;
}
