import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CreateRedemptionRequest, ErrorCode } from '@tidepool/shared';
import { type EntityManager, In, LessThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { LoyaltyService } from '../loyalty';
import { GiftRedemption, type RedemptionStep } from './gift-redemption.entity';
import { GiftShipment } from './gift-shipment.entity';
import { GiftVoucher } from './gift-voucher.entity';
import { GiftsService } from './gifts.service';
import { newPickupCode } from './pickup-code';

/** The ledger source of a redemption's points (`gift_redemption:<id>:REDEEM`) and of a refund of them. */
export const REDEMPTION_SOURCE = 'gift_redemption';
export const REDEMPTION_REFUND_SOURCE = 'gift_redemption_refund';

/** A redemption left between steps this long (its client gave up) is finished by the sweeper job. */
export const STALE_AFTER_MS = 5 * 60_000;
const SWEEP_BATCH = 200;

export interface SweepReport {
  resumed: number;
  completed: number;
  failed: number;
  errors: number;
}

/**
 * Redeeming a gift (礼品兑换) as a resumable sequence. The stock lives here and the points in the loyalty ledger,
 * so the two cannot share one transaction; instead each step is its own transaction that moves the redemption
 * row on by a conditional UPDATE, and each step is safe to repeat:
 *
 * 1. create the row (PENDING), unique per (member, clientRequestId), so retries find it;
 * 2. take one unit (PENDING → STOCK_TAKEN with `stock = stock - 1 WHERE stock >= 1`), or FAILED with
 *    GIFT_OUT_OF_STOCK;
 * 3. spend the points through `LoyaltyService.redeem` keyed `gift_redemption:<id>`, which applies once however
 *    often it is called; on POINTS_INSUFFICIENT the row goes FAILED and the unit back to stock, in one transaction;
 * 4. STOCK_TAKEN → COMPLETED, writing the voucher (pickup code) or the shipment in the same transaction.
 *
 * A crash between steps leaves the row where it was; the member's retry (same clientRequestId) or the sweeper
 * job picks it up at that step.
 */
@Injectable()
export class RedemptionService {
  private readonly logger = new Logger('GiftRedemptions');

  constructor(
    @InjectRepository(GiftRedemption) private readonly redemptions: Repository<GiftRedemption>,
    private readonly gifts: GiftsService,
    private readonly loyalty: LoyaltyService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Starts the redemption, or resumes the one this request started; throws its failure code if it failed. */
  async redeem(memberId: number, request: CreateRedemptionRequest): Promise<GiftRedemption> {
    const existing = await this.redemptions.findOneBy({ memberId, clientRequestId: request.clientRequestId });
    const redemption = await this.advance(
      existing ? sameRequest(existing, request) : await this.start(memberId, request),
    );
    if (redemption.status === 'FAILED') throw new DomainException(redemption.failureCode ?? 'GIFT_OUT_OF_STOCK');
    return redemption;
  }

  /** Moves a redemption through its remaining steps to COMPLETED or FAILED. */
  async advance(start: GiftRedemption): Promise<GiftRedemption> {
    let redemption = start;
    // Each step moves the row on or finds that someone else did; a handful of rounds always settles it.
    for (let round = 0; round < 6; round++) {
      switch (redemption.status) {
        case 'PENDING':
          redemption = await this.takeStock(redemption);
          break;
        case 'STOCK_TAKEN':
          redemption = await this.spendPoints(redemption);
          break;
        case 'COMPLETED':
        case 'FAILED':
          return redemption;
      }
    }
    throw new Error(`gift redemption ${start.id} did not settle`);
  }

  /** The sweeper: finishes redemptions whose client stopped between steps (crash, lost network). */
  async resumeStale(now: Date = this.clock.now()): Promise<SweepReport> {
    const report: SweepReport = { resumed: 0, completed: 0, failed: 0, errors: 0 };
    const stale = await this.redemptions.find({
      where: { status: In(['PENDING', 'STOCK_TAKEN']), updatedAt: LessThan(new Date(now.getTime() - STALE_AFTER_MS)) },
      order: { id: 'ASC' },
      take: SWEEP_BATCH,
    });
    for (const row of stale) {
      report.resumed++;
      try {
        const settled = await this.advance(row);
        if (settled.status === 'COMPLETED') report.completed++;
        else report.failed++;
      } catch (error) {
        report.errors++;
        this.logger.error({ msg: 'stale redemption not resumed', redemptionId: row.id, error: String(error) });
      }
    }
    return report;
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
      const result = await this.transactions.run((manager) => manager.insert(GiftRedemption, row));
      return { ...row, id: Number((result.identifiers[0] as { id: number }).id) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same request arrived twice at once: the other one created the row.
      const winner = await this.redemptions.findOneByOrFail({ memberId, clientRequestId: request.clientRequestId });
      return sameRequest(winner, request);
    }
  }

  private async takeStock(redemption: GiftRedemption): Promise<GiftRedemption> {
    const now = this.clock.now();
    // A member short of points fails here without holding a unit of stock even for a moment. The ledger still
    // decides in step 3: the balance can change in between.
    const { points } = await this.loyalty.summary(redemption.memberId);
    await this.transactions.run(async (manager) => {
      if (points < redemption.pointsPrice) {
        await this.move(manager, redemption.id, 'PENDING', fail('POINTS_INSUFFICIENT'), now);
        return;
      }
      if (!(await this.move(manager, redemption.id, 'PENDING', { status: 'STOCK_TAKEN' }, now))) return;
      if (!(await this.gifts.takeOne(manager, redemption.giftId, now))) {
        await this.move(manager, redemption.id, 'STOCK_TAKEN', fail('GIFT_OUT_OF_STOCK'), now);
      }
    });
    return this.reload(redemption.id);
  }

  private async spendPoints(redemption: GiftRedemption): Promise<GiftRedemption> {
    let entryId: number;
    try {
      const entry = await this.loyalty.redeem(redemption.memberId, {
        sourceType: REDEMPTION_SOURCE,
        sourceId: String(redemption.id),
        points: redemption.pointsPrice,
        reason: `兑换礼品：${redemption.giftName}`,
      });
      entryId = entry.entryId;
    } catch (error) {
      if (!(error instanceof DomainException && error.code === 'POINTS_INSUFFICIENT')) throw error;
      const now = this.clock.now();
      await this.transactions.run(async (manager) => {
        if (await this.move(manager, redemption.id, 'STOCK_TAKEN', fail('POINTS_INSUFFICIENT'), now)) {
          await this.gifts.giveBack(manager, redemption.giftId, now);
        }
      });
      return this.reload(redemption.id);
    }
    return this.complete(redemption, entryId);
  }

  private async complete(redemption: GiftRedemption, pointsEntryId: number): Promise<GiftRedemption> {
    for (let attempt = 1; ; attempt++) {
      const now = this.clock.now();
      try {
        await this.transactions.run(async (manager) => {
          const changes = { status: 'COMPLETED' as const, pointsEntryId, completedAt: now };
          if (!(await this.move(manager, redemption.id, 'STOCK_TAKEN', changes, now))) return;
          await this.fulfil(manager, redemption, now);
        });
        break;
      } catch (error) {
        // Only a pickup-code collision can repeat (the move lets one caller through): draw a new code.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
    const settled = await this.reload(redemption.id);
    if (settled.status === 'FAILED') await this.refund(settled);
    return settled;
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

  /**
   * Points were spent for a redemption that another attempt of the same request had meanwhile failed (its
   * balance check ran just before an earning landed): give them back, once.
   */
  private async refund(redemption: GiftRedemption): Promise<void> {
    await this.loyalty.adjust(redemption.memberId, {
      sourceType: REDEMPTION_REFUND_SOURCE,
      sourceId: String(redemption.id),
      points: redemption.pointsPrice,
      reason: `礼品兑换未成功，退回积分：${redemption.giftName}`,
    });
    this.logger.warn({ msg: 'points refunded for a failed redemption', redemptionId: redemption.id });
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
