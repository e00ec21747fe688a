import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type GiftShipmentView,
  maskPhone,
  type Page,
  type RedemptionStatus,
  type RedemptionView,
} from '@tidepool/shared';
import { In, Not, type Repository } from 'typeorm';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { StoresService } from '../stores';
import { GiftRedemption, type RedemptionStep } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';
import { GiftVoucher } from './gift-voucher.entity';

/** What members see of their redemptions: vouchers with pickup codes, shipments with a masked phone. */
@Injectable()
export class RedemptionViewsService {
  constructor(
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    @InjectRepository(GiftVoucher) private readonly vouchers: Repository<GiftVoucher>,
    @InjectRepository(GiftShipment) private readonly shipments: Repository<GiftShipment>,
    private readonly stores: StoresService,
  ) {}

  /** The member's redemptions, newest first; failed attempts gave nothing and spent nothing, so they are left out. */
  async mine(memberId: number, query: PageQueryDto): Promise<Page<RedemptionView>> {
    const [rows, total] = await this.redemptions.findAndCount({
      where: { memberId, status: Not('FAILED') },
      order: { id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(await this.views(rows), total, query);
  }

  async view(redemption: GiftRedemption): Promise<RedemptionView> {
    const [view] = await this.views([redemption]);
    return view;
  }

  private async views(rows: GiftRedemption[]): Promise<RedemptionView[]> {
    const ids = rows.map((r) => r.id);
    const [vouchers, shipments] = ids.length
      ? await Promise.all([
          this.vouchers.findBy({ redemptionId: In(ids) }),
          this.shipments.findBy({ redemptionId: In(ids) }),
        ])
      : [[], []];
    const storeIds = [...new Set(vouchers.flatMap((v) => (v.pickedUpStoreId === null ? [] : [v.pickedUpStoreId])))];
    const storeName = await this.stores.namesById(storeIds);
    const voucherOf = new Map(vouchers.map((v) => [v.redemptionId, v]));
    const shipmentOf = new Map(shipments.map((s) => [s.redemptionId, s]));
    return rows.map((r) => {
      const voucher = voucherOf.get(r.id);
      const shipment = shipmentOf.get(r.id);
      return {
        id: r.id,
        clientRequestId: r.clientRequestId,
        gift: { id: r.giftId, name: r.giftName, imageUrl: r.giftImageUrl },
        pointsPrice: r.pointsPrice,
        fulfilment: r.fulfilment,
        status: memberStatus(r.status),
        failureCode: r.failureCode,
        createdAt: r.createdAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
        voucher: voucher
          ? {
              pickupCode: voucher.pickupCode,
              status: voucher.status,
              pickedUpAt: voucher.pickedUpAt?.toISOString() ?? null,
              pickedUpStoreName:
                voucher.pickedUpStoreId === null ? null : (storeName.get(voucher.pickedUpStoreId) ?? null),
            }
          : null,
        shipment: shipment ? shipmentView(shipment) : null,
      };
    });
  }
}

export function memberStatus(step: RedemptionStep): RedemptionStatus {
  switch (step) {
    case 'PENDING':
    case 'STOCK_TAKEN':
      return 'PROCESSING';
    case 'COMPLETED':
      return 'COMPLETED';
    case 'FAILED':
      return 'FAILED';
  }
}

/** A shipment as the member and the console both see it: the recipient's phone masked. */
export function shipmentView(shipment: GiftShipment): GiftShipmentView {
  return {
    recipientName: shipment.recipientName,
    phoneMasked: maskPhone(shipment.phone) ?? '',
    region: shipment.region,
    detail: shipment.detail,
    status: shipment.status,
    carrier: shipment.carrier,
    trackingNo: shipment.trackingNo,
    shippedAt: shipment.shippedAt?.toISOString() ?? null,
  };
}
