import { GiftRedemption } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';
import { GiftVoucher } from './gift-voucher.entity';
import { Gift } from './gift.entity';

/** Every table the points mall owns (listed in database/entities.ts). */
export const POINTS_MALL_ENTITIES = [Gift, GiftRedemption, GiftVoucher, GiftShipment];
