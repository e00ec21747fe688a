import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AFTER_SALE_TYPES,
  afterSaleActions,
  afterSaleMachine,
  type AfterSaleOptionsResponse,
  type AfterSaleView,
  type ApplyAfterSaleRequest,
  type Page,
  RETURNABLE_ORDER_STATES,
  type SubmitReturnParcelRequest,
} from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { LineChangedError, OrderLineRefundsService } from '../orders';
import { OrdersService } from '../orders';
import { AfterSalePhotosService } from './after-sale-photos.service';
import { afterSaleView } from './after-sale-view';
import { AfterSale } from './after-sale.entity';

/** Attempts at an application when another writer keeps moving the same line's counters. */
const MAX_APPLY_TRIES = 6;
/** Shanghai has no daylight saving: store-zone wall time is UTC + 8 h. */
const STORE_ZONE_OFFSET_MS = 8 * 3_600_000;

/**
 * The member's side of after-sales: what may be applied for, applying (units held on the line by a conditional
 * UPDATE, so two applications for the last unit cannot both win), withdrawing while in review, and the return
 * parcel. Every route acts on the caller's own orders and after-sales only ("not found" otherwise).
 */
@Injectable()
export class AfterSalesService {
  private readonly logger = new Logger(AfterSalesService.name);

  constructor(
    @InjectRepository(AfterSale) private readonly afterSales: Repository<AfterSale>,
    private readonly orders: OrdersService,
    private readonly lineRefunds: OrderLineRefundsService,
    private readonly photos: AfterSalePhotosService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async options(memberId: number, orderId: number): Promise<AfterSaleOptionsResponse> {
    const order = await this.orders.ownOrder(memberId, orderId);
    const blockedBy = this.lineRefunds.blockedBy(order);
    const lines = await this.lineRefunds.lines(orderId);
    const returnable = (RETURNABLE_ORDER_STATES as readonly string[]).includes(order.state);
    return {
      orderId: order.id,
      orderNo: order.orderNo,
      orderState: order.state,
      types: blockedBy ? [] : AFTER_SALE_TYPES.filter((t) => t === 'REFUND_ONLY' || returnable),
      blockedBy,
      deadline: this.lineRefunds.deadlineOf(order)?.toISOString() ?? null,
      lines: lines.map(({ orderId: _orderId, ...line }) => line),
    };
  }

  /** One after-sale per line asked for, all or none; idempotent by clientRequestId. */
  async apply(memberId: number, request: ApplyAfterSaleRequest): Promise<AfterSaleView[]> {
    const keys = request.lines.map((l) => `${memberId}:${request.clientRequestId}:${l.lineId}`);
    const existing = await this.existing(keys, request);
    if (existing) return existing;
    if (new Set(request.lines.map((l) => l.lineId)).size !== request.lines.length) {
      throw new DomainException('VALIDATION_FAILED', '同一件商品请只选择一次', [
        { field: 'lines', reason: 'each lineId at most once' },
      ]);
    }
    const order = await this.orders.ownOrder(memberId, request.orderId);
    this.lineRefunds.assertRefundable(order);
    if (request.type === 'RETURN_REFUND' && !(RETURNABLE_ORDER_STATES as readonly string[]).includes(order.state)) {
      throw new DomainException('AFTER_SALE_TYPE_NOT_ALLOWED');
    }
    const photoIds = [...new Set(request.photoIds ?? [])];
    await this.photos.assertOwned(memberId, photoIds);
    const now = this.clock.now();
    try {
      const ids = await this.withRetry(() =>
        this.transactions.run(async (manager) => {
          const made: number[] = [];
          for (const [i, asked] of request.lines.entries()) {
            const part = await this.lineRefunds.reserve(manager, order.id, asked.lineId, asked.quantity);
            const line = (await this.lineRefunds.lines(order.id, manager)).find((l) => l.lineId === asked.lineId)!;
            const saved = await manager.getRepository(AfterSale).save(
              manager.getRepository(AfterSale).create({
                afterSaleNo: newAfterSaleNo(now),
                clientKey: keys[i],
                memberId,
                orderId: order.id,
                storeId: order.pickupStoreId,
                orderNo: order.orderNo,
                lineId: line.lineId,
                productName: line.productName,
                specText: line.specText,
                imageUrl: line.imageUrl,
                unitPriceFen: line.unitPriceFen,
                type: request.type,
                state: 'PENDING_REVIEW',
                quantity: part.quantity,
                amountFen: part.amountFen,
                reasonCode: request.reasonCode,
                reasonText: request.reasonText?.trim() ?? '',
                photoIds,
                rejectReason: null,
                returnCarrier: null,
                returnTrackingNo: null,
                paymentRefundId: null,
                createdAt: now,
                approvedAt: null,
                returnShippedAt: null,
                returnReceivedAt: null,
                refundedAt: null,
                closedAt: null,
              }),
            );
            made.push(saved.id);
          }
          return made;
        }),
      );
      this.logger.log({ msg: 'after-sale applied', orderId: order.id, afterSaleIds: ids, type: request.type });
      const rows = await this.afterSales.find({ where: { id: In(ids) }, order: { id: 'ASC' } });
      return rows.map((r) => afterSaleView(r, this.photos, 'MEMBER'));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same submit twice at once: the other request made them.
      const again = await this.existing(keys, request);
      if (again) return again;
      throw error;
    }
  }

  async list(memberId: number, query: PageQueryDto & { orderId?: number }): Promise<Page<AfterSaleView>> {
    const [rows, total] = await this.afterSales.findAndCount({
      where: { memberId, ...(query.orderId ? { orderId: query.orderId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(
      rows.map((r) => afterSaleView(r, this.photos, 'MEMBER')),
      total,
      query,
    );
  }

  async detail(memberId: number, id: number): Promise<AfterSaleView> {
    return afterSaleView(await this.own(memberId, id), this.photos, 'MEMBER');
  }

  /** Withdrawn while in review: the units go back to the line. A repeat answers the cancelled after-sale. */
  async cancel(memberId: number, id: number): Promise<AfterSaleView> {
    const row = await this.own(memberId, id);
    if (row.state !== 'CANCELLED') {
      if (!afterSaleMachine.canTransition(row.state, 'CANCEL')) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
      await this.transactions.run(async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .update(AfterSale)
          .set({ state: 'CANCELLED', closedAt: this.clock.now() })
          .where("id = :id AND state = 'PENDING_REVIEW'", { id })
          .execute();
        if (affectedRows(result) !== 1) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
        await this.lineRefunds.release(manager, {
          lineId: row.lineId,
          quantity: row.quantity,
          amountFen: row.amountFen,
        });
      });
    }
    return this.detail(memberId, id);
  }

  /** The return parcel's carrier and tracking number; may be corrected until the operator confirms the goods. */
  async submitReturn(memberId: number, id: number, parcel: SubmitReturnParcelRequest): Promise<AfterSaleView> {
    const row = await this.own(memberId, id);
    if (!afterSaleActions(row.state).includes('SUBMIT_RETURN')) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
    const result = await this.transactions.run((manager) =>
      manager
        .createQueryBuilder()
        .update(AfterSale)
        .set({
          returnCarrier: parcel.carrier.trim(),
          returnTrackingNo: parcel.trackingNo.trim(),
          returnShippedAt: this.clock.now(),
        })
        .where("id = :id AND state = 'AWAITING_RETURN'", { id })
        .execute(),
    );
    if (affectedRows(result) !== 1) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
    return this.detail(memberId, id);
  }

  private async own(memberId: number, id: number): Promise<AfterSale> {
    const row = await this.afterSales.findOneBy({ id, memberId });
    // Another member's after-sale is "not found", never "someone else's".
    if (!row) throw new DomainException('AFTER_SALE_NOT_FOUND');
    return row;
  }

  /** The after-sales a retried submit already made, or null; a different request under the same id is refused. */
  private async existing(keys: string[], request: ApplyAfterSaleRequest): Promise<AfterSaleView[] | null> {
    const rows = await this.afterSales.find({ where: { clientKey: In(keys) }, order: { id: 'ASC' } });
    if (!rows.length) return null;
    const same =
      rows.length === keys.length &&
      rows.every(
        (r) =>
          r.orderId === request.orderId &&
          r.type === request.type &&
          request.lines.some((l) => l.lineId === r.lineId && l.quantity === r.quantity),
      );
    if (!same) throw new DomainException('AFTER_SALE_REQUEST_CONFLICT');
    return rows.map((r) => afterSaleView(r, this.photos, 'MEMBER'));
  }

  private async withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof LineChangedError) || attempt >= MAX_APPLY_TRIES) {
          if (error instanceof LineChangedError) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 3 * attempt + Math.random() * 10));
      }
    }
  }
}

/** AS + store-zone yyyyMMddHHmmss + 6 random digits (22 chars); the unique index catches the rare clash. */
function newAfterSaleNo(now: Date): string {
  const stamp = new Date(now.getTime() + STORE_ZONE_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
  return `AS${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
