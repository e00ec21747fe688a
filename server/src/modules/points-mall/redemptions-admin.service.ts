import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type AdminRedemptionView, maskPhone, type Page, type ShipRedemptionRequest } from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { MembersService } from '../members';
import { StoresService } from '../stores';
import type { AdminRedemptionListQueryDto } from './dto/points-mall.requests';
import { GiftRedemption, type RedemptionStep } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';
import { GiftVoucher } from './gift-voucher.entity';
import { memberStatus, shipmentView } from './redemption-views.service';

/** The steps each member-facing status covers, so the status filter stays one IN (...) in SQL. */
const STEPS_OF: Record<AdminRedemptionView['status'], RedemptionStep[]> = {
  PROCESSING: ['PENDING', 'STOCK_TAKEN'],
  COMPLETED: ['COMPLETED'],
  FAILED: ['FAILED'],
};

/** The operator's view of redemptions: filtered lists, and marking a shipping redemption sent. */
@Injectable()
export class RedemptionsAdminService {
  constructor(
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    @InjectRepository(GiftVoucher) private readonly vouchers: Repository<GiftVoucher>,
    @InjectRepository(GiftShipment) private readonly shipments: Repository<GiftShipment>,
    private readonly members: MembersService,
    private readonly stores: StoresService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Newest first. A phone matches one member exactly; an unknown phone is an empty page, not an error. */
  async list(query: AdminRedemptionListQueryDto): Promise<Page<AdminRedemptionView>> {
    const qb = this.redemptions.createQueryBuilder('r');
    if (query.phone) {
      const memberId = await this.members.idByPhone(query.phone);
      if (memberId === null) return toPage([], 0, query);
      qb.andWhere('r.memberId = :memberId', { memberId });
    }
    if (query.status) qb.andWhere('r.status IN (:...steps)', { steps: STEPS_OF[query.status] });
    if (query.giftId) qb.andWhere('r.giftId = :giftId', { giftId: query.giftId });
    if (query.fulfilment) qb.andWhere('r.fulfilment = :fulfilment', { fulfilment: query.fulfilment });
    if (query.from) qb.andWhere('r.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('r.createdAt < :to', { to: new Date(query.to) });
    const [rows, total] = await qb.orderBy('r.id', 'DESC').skip(query.offset).take(query.pageSize).getManyAndCount();
    return toPage(await this.views(rows), total, query);
  }

  async get(id: number): Promise<AdminRedemptionView> {
    const row = await this.redemptions.findOneBy({ id });
    if (!row) throw new DomainException('REDEMPTION_NOT_FOUND');
    const [view] = await this.views([row]);
    return view;
  }

  /**
   * Marks a completed SHIP redemption sent. The same carrier and number again answers the redemption (a retried
   * click); a different one after shipping is refused rather than silently overwriting what the member was told.
   */
  async ship(id: number, request: ShipRedemptionRequest, actor: Principal): Promise<AdminRedemptionView> {
    const carrier = request.carrier.trim();
    const trackingNo = request.trackingNo.trim();
    const shipment = await this.shipments.findOneBy({ redemptionId: id });
    if (!shipment) {
      if (!(await this.redemptions.existsBy({ id }))) throw new DomainException('REDEMPTION_NOT_FOUND');
      throw new DomainException('REDEMPTION_NOT_SHIPPABLE');
    }
    if (shipment.status === 'SHIPPED') {
      if (shipment.carrier === carrier && shipment.trackingNo === trackingNo) return this.get(id);
      throw new DomainException(
        'REDEMPTION_NOT_SHIPPABLE',
        `该兑换已发货（${shipment.carrier ?? ''} ${shipment.trackingNo ?? ''}）`,
      );
    }
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const changed = affectedRows(
        await manager.update(
          GiftShipment,
          { id: shipment.id, status: 'PENDING' },
          { status: 'SHIPPED', carrier, trackingNo, shippedAt: now },
        ),
      );
      if (changed !== 1) throw new DomainException('REDEMPTION_NOT_SHIPPABLE', '该兑换已发货，请刷新后查看');
      await this.audit.record({
        actor,
        action: 'redemption.ship',
        objectType: 'redemption',
        objectId: id,
        before: { shipment: 'PENDING' },
        after: { shipment: 'SHIPPED', carrier, trackingNo },
      });
    });
    return this.get(id);
  }

  private async views(rows: GiftRedemption[]): Promise<AdminRedemptionView[]> {
    const ids = rows.map((r) => r.id);
    const [vouchers, shipments, members] = await Promise.all([
      ids.length ? this.vouchers.findBy({ redemptionId: In(ids) }) : [],
      ids.length ? this.shipments.findBy({ redemptionId: In(ids) }) : [],
      this.members.byIds(rows.map((r) => r.memberId)),
    ]);
    const storeIds = [...new Set(vouchers.flatMap((v) => (v.pickedUpStoreId === null ? [] : [v.pickedUpStoreId])))];
    const storeName = await this.stores.namesById(storeIds);
    const voucherOf = new Map(vouchers.map((v) => [v.redemptionId, v]));
    const shipmentOf = new Map(shipments.map((s) => [s.redemptionId, s]));
    return rows.map((r) => {
      const voucher = voucherOf.get(r.id);
      const shipment = shipmentOf.get(r.id);
      return {
        id: r.id,
        memberId: r.memberId,
        memberPhoneMasked: maskPhone(members.get(r.memberId)?.phone),
        gift: { id: r.giftId, name: r.giftName, imageUrl: r.giftImageUrl },
        pointsPrice: r.pointsPrice,
        fulfilment: r.fulfilment,
        status: memberStatus(r.status),
        failureCode: r.failureCode,
        createdAt: r.createdAt.toISOString(),
        completedAt: r.completedAt?.toISOString() ?? null,
        voucher: voucher
          ? {
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
