import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateRedemptionRequest, ErrorCode } from '@tidepool/shared';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions, type UnitOfWorkOptions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { LoyaltyService } from '../loyalty';
import { OutboxService } from '../outbox';
import { GiftRedemption, type RedemptionStep } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';
import { GiftVoucher } from './gift-voucher.entity';
import { GiftsService } from './gifts.service';
import { newPickupCode } from './pickup-code';

/** The ledger source of a redemption's points (`gift_redemption:<id>:REDEEM`). */
export const REDEMPTION_SOURCE = 'gift_redemption';

/**
 * Settling joins the loyalty ledger's writes, so it runs at the ledger's READ COMMITTED; a pickup-code collision
 * (unique key) reruns the whole settlement, which draws a new code.
 */
const SETTLE_UNIT: UnitOfWorkOptions = { isolation: 'READ COMMITTED', retryIf: isUniqueViolation };

const startedKey = (redemptionId: number) => `gift.redemption.started:${redemptionId}`;

/**
 * Redeeming a gift (礼品兑换) in two transactions joined by an event:
 *
 * 1. start: the row (unique per member and clientRequestId, so retries find it), one unit of stock
 *    (`stock = stock - 1 WHERE stock >= 1`, else FAILED with GIFT_OUT_OF_STOCK) and `gift.redemption.started`,
 *    committed together;
 * 2. settle: STOCK_TAKEN → COMPLETED by a conditional UPDATE (so of several settlers one goes on), the points spent
 *    through `LoyaltyService.redeem` (its writes join this transaction) and the voucher or shipment, committed
 *    together; on POINTS_INSUFFICIENT the row goes FAILED and the unit back instead, in the same transaction.
 *
 * The request settles at once (through its event, or directly when another dispatcher holds the event). If the
 * process dies after step 1, the event's handler settles on the outbox's next pass, or the member's retry does.
 */
@Injectable()
export class RedemptionService implements OnModuleInit {
  constructor(
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    private readonly gifts: GiftsService,
    private readonly loyalty: LoyaltyService,
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('gift.redemption.started', 'points-mall.settle-redemption', async (event) => {
      await this.settle(event.redemptionId);
    });
  }

  /** Starts the redemption, or resumes the one this request started; throws its failure code if it failed. */
  async redeem(memberId: number, request: CreateRedemptionRequest): Promise<GiftRedemption> {
    const existing = await this.redemptions.findOneBy({ memberId, clientRequestId: request.clientRequestId });
    const redemption = await this.advance(
      existing ? sameRequest(existing, request) : await this.start(memberId, request),
    );
    if (redemption.status === 'FAILED') throw new DomainException(redemption.failureCode ?? 'GIFT_OUT_OF_STOCK');
    return redemption;
  }

  /** Moves a redemption on to COMPLETED or FAILED. */
  private async advance(start: GiftRedemption): Promise<GiftRedemption> {
    let redemption = start;
    // A row left PENDING (only by a build before the two-step flow) takes its unit now.
    if (redemption.status === 'PENDING') redemption = await this.takeStock(redemption);
    if (redemption.status !== 'STOCK_TAKEN') return redemption;
    await this.outbox.dispatchKey(startedKey(redemption.id));
    redemption = await this.reload(redemption.id);
    // Another dispatcher holds the event (or it is gone): settle here; the conditional UPDATE lets one through.
    if (redemption.status === 'STOCK_TAKEN') await this.settle(redemption.id);
    return this.reload(redemption.id);
  }

  private async start(memberId: number, request: CreateRedemptionRequest): Promise<GiftRedemption> {
    const gift = await this.gifts.requireActive(request.giftId);
    if (!gift.fulfilments.includes(request.fulfilment)) throw new DomainException('GIFT_FULFILMENT_UNAVAILABLE');
    if (request.fulfilment === 'SHIP' && !request.address) throw new DomainException('SHIPPING_ADDRESS_REQUIRED');
    if (request.fulfilment === 'PICKUP' && request.address) {
      throw new DomainException('VALIDATION_FAILED', '请求参数有误：自提礼品无需收货地址', [
        { field: 'address', reason: 'address is only for SHIP' },
      ]);
    }
    const now = this.clock.now();
    // A member short of points fails without holding a unit of stock even for a moment. The ledger still
    // decides when settling: the balance can change in between.
    const { points } = await this.loyalty.summary(memberId);
    const row: Omit<GiftRedemption, 'id'> = {
      memberId,
      clientRequestId: request.clientRequestId,
      giftId: gift.id,
      giftName: gift.name,
      giftImageUrl: gift.imageUrl,
      pointsPrice: gift.pointsPrice,
      fulfilment: request.fulfilment,
      address: request.address ?? null,
      status: 'PENDING',
      failureCode: null,
      pointsEntryId: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    try {
      return await this.transactions.run(async (manager) => {
        const result = await manager.insert(GiftRedemption, row);
        const created = { ...row, id: Number((result.identifiers[0] as { id: number }).id) };
        await this.takeStockIn(manager, created, points, now);
        return manager.findOneByOrFail(GiftRedemption, { id: created.id });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same request arrived twice at once: the other one created the row.
      const winner = await this.redemptions.findOneByOrFail({ memberId, clientRequestId: request.clientRequestId });
      return sameRequest(winner, request);
    }
  }

  private async takeStock(redemption: GiftRedemption): Promise<GiftRedemption> {
    const now = this.clock.now();
    const { points } = await this.loyalty.summary(redemption.memberId);
    await this.transactions.run((manager) => this.takeStockIn(manager, redemption, points, now));
    return this.reload(redemption.id);
  }

  /** PENDING → STOCK_TAKEN with one unit and the event, or FAILED; nothing when someone else moved the row. */
  private async takeStockIn(manager: EntityManager, redemption: GiftRedemption, points: number, now: Date) {
    if (points < redemption.pointsPrice) {
      await this.move(manager, redemption.id, 'PENDING', fail('POINTS_INSUFFICIENT'), now);
      return;
    }
    if (!(await this.move(manager, redemption.id, 'PENDING', { status: 'STOCK_TAKEN' }, now))) return;
    if (!(await this.gifts.takeOne(manager, redemption.giftId, now))) {
      await this.move(manager, redemption.id, 'STOCK_TAKEN', fail('GIFT_OUT_OF_STOCK'), now);
      return;
    }
    await this.outbox.publish(manager, 'gift.redemption.started', startedKey(redemption.id), {
      redemptionId: redemption.id,
      memberId: redemption.memberId,
      giftId: redemption.giftId,
      points: redemption.pointsPrice,
    });
  }

  /** Step 2; joins the caller's unit of work (the event handler's) when there is one. */
  settle(redemptionId: number): Promise<void> {
    return this.transactions.run(async (manager) => {
      const redemption = await manager.findOneBy(GiftRedemption, { id: redemptionId });
      if (redemption?.status !== 'STOCK_TAKEN') return;
      const now = this.clock.now();
      const completed = { status: 'COMPLETED' as const, completedAt: now };
      // Winning this move locks the row: from here this transaction alone settles it.
      if (!(await this.move(manager, redemption.id, 'STOCK_TAKEN', completed, now))) return;
      let pointsEntryId: number;
      try {
        const entry = await this.loyalty.redeem(redemption.memberId, {
          sourceType: REDEMPTION_SOURCE,
          sourceId: String(redemption.id),
          points: redemption.pointsPrice,
          reason: `兑换礼品：${redemption.giftName}`,
        });
        pointsEntryId = entry.entryId;
      } catch (error) {
        if (!(error instanceof DomainException && error.code === 'POINTS_INSUFFICIENT')) throw error;
        await manager.update(
          GiftRedemption,
          { id: redemption.id },
          { ...fail('POINTS_INSUFFICIENT'), completedAt: null },
        );
        await this.gifts.giveBack(manager, redemption.giftId, now);
        return;
      }
      await manager.update(GiftRedemption, { id: redemption.id }, { pointsEntryId });
      await this.fulfil(manager, redemption, now);
    }, SETTLE_UNIT);
  }

  private async fulfil(manager: EntityManager, redemption: GiftRedemption, now: Date): Promise<void> {
    const base = { redemptionId: redemption.id, memberId: redemption.memberId, giftId: redemption.giftId };
    if (redemption.fulfilment === 'PICKUP') {
      await manager.insert(GiftVoucher, {
        ...base,
        pickupCode: newPickupCode(),
        status: 'AVAILABLE',
        issuedAt: now,
        pickedUpAt: null,
        pickedUpStoreId: null,
        pickedUpByStaffId: null,
      });
      return;
    }
    const address = redemption.address;
    if (!address) throw new Error(`SHIP redemption ${redemption.id} has no address`);
    await manager.insert(GiftShipment, {
      ...base,
      recipientName: address.recipientName,
      phone: address.phone,
      region: address.region,
      detail: address.detail,
      status: 'PENDING',
      trackingNo: null,
      createdAt: now,
      shippedAt: null,
    });
  }

  /** Moves the row from one step to the next; false when it was no longer at `from` (someone else moved it). */
  private async move(
    manager: EntityManager,
    id: number,
    from: RedemptionStep,
    changes: Partial<Pick<GiftRedemption, 'status' | 'failureCode' | 'pointsEntryId' | 'completedAt'>>,
    now: Date,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(GiftRedemption)
      .set({ ...changes, updatedAt: now })
      .where('id = :id AND status = :from', { id, from })
      .execute();
    return affectedRows(result) === 1;
  }

  private reload(id: number): Promise<GiftRedemption> {
    return this.redemptions.findOneByOrFail({ id });
  }
}

function fail(code: ErrorCode): Pick<GiftRedemption, 'status' | 'failureCode'> {
  return { status: 'FAILED', failureCode: code };
}

/** A retry must ask for the same thing; reusing a request id for something else is refused. */
function sameRequest(existing: GiftRedemption, request: CreateRedemptionRequest): GiftRedemption {
  const same =
    existing.giftId === request.giftId &&
    existing.fulfilment === request.fulfilment &&
    sameAddress(existing.address, request.address ?? null);
  if (!same) throw new DomainException('REDEMPTION_REQUEST_CONFLICT');
  return existing;
}

function sameAddress(a: CreateRedemptionRequest['address'] | null, b: CreateRedemptionRequest['address'] | null) {
  if (!a || !b) return !a && !b;
  return a.recipientName === b.recipientName && a.phone === b.phone && a.region === b.region && a.detail === b.detail;
}
