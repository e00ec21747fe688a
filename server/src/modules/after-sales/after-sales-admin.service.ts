import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type AdminAfterSaleDetail,
  type AdminAfterSaleListQuery,
  AFTER_SALE_STATE_LABELS,
  AFTER_SALE_TYPE_LABELS,
  type AfterSaleState,
  afterSaleMachine,
  approveEventFor,
  type Page,
} from '@tidepool/shared';
import type { EntityManager, Repository } from 'typeorm';
import type { Principal, StoreScope } from '../../common/auth/principal';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { type PageQueryDto, toPage } from '../../common/http/pagination.dto';
import { AuditLog } from '../audit';
import { OrderLineRefundsService, OrderReadsService, OrderTimelineSources } from '../orders';
import { OrderRefundsService } from '../orders';
import { OrdersService } from '../orders';
import type { PaymentRefundRead, PaymentRefundStatus } from '../orders';
import { AfterSalePhotosService } from './after-sale-photos.service';
import { afterSaleView } from './after-sale-view';
import { AfterSale } from './after-sale.entity';

/**
 * The operator's side of after-sales: the filtered list, approving (仅退款 refunds at once; 退货退款 waits for the
 * goods), refusing with a reason, and confirming the goods came back (then the refund starts). Money goes back
 * through the orders module's WeChat Pay refund path; its final word moves the after-sale in the same
 * transaction (onSettled).
 */
@Injectable()
export class AfterSalesAdminService implements OnModuleInit {
  private readonly logger = new Logger(AfterSalesAdminService.name);

  constructor(
    @InjectRepository(AfterSale) private readonly afterSales: Repository<AfterSale>,
    private readonly orders: OrdersService,
    private readonly lineRefunds: OrderLineRefundsService,
    private readonly refunds: OrderRefundsService,
    private readonly photos: AfterSalePhotosService,
    private readonly orderReads: OrderReadsService,
    private readonly timeline: OrderTimelineSources,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.lineRefunds.onSettled((manager, refund, status) => this.refundSettled(manager, refund, status));
    // The console's order timeline shows each after-sale of the order (applied, and where it stands).
    this.timeline.register(async (orderId) => {
      const rows = await this.afterSales.find({ where: { orderId }, order: { id: 'ASC' } });
      return rows.map((row) => ({
        at: row.createdAt.toISOString(),
        title: `申请售后（${AFTER_SALE_TYPE_LABELS[row.type]}）`,
        note: `${row.afterSaleNo} · ${row.productName} × ${row.quantity} · ${AFTER_SALE_STATE_LABELS[row.state]}`,
      }));
    });
  }

  async list(
    query: PageQueryDto & Omit<AdminAfterSaleListQuery, 'page' | 'pageSize'>,
    scope: StoreScope,
  ): Promise<Page<AdminAfterSaleDetail>> {
    const qb = this.afterSales.createQueryBuilder('a');
    if (scope.storeId !== null) qb.andWhere('a.storeId = :storeId', { storeId: scope.storeId });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.orderNo) qb.andWhere('a.orderNo = :orderNo', { orderNo: query.orderNo });
    if (query.memberId) qb.andWhere('a.memberId = :memberId', { memberId: query.memberId });
    if (query.from) qb.andWhere('a.createdAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('a.createdAt < :to', { to: new Date(query.to) });
    const [rows, total] = await qb
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(await this.views(rows), total, query);
  }

  async detail(id: number, scope: StoreScope): Promise<AdminAfterSaleDetail> {
    return this.view(await this.find(id, scope));
  }

  /** 仅退款: PENDING_REVIEW → REFUNDING and the refund is asked for; 退货退款: → AWAITING_RETURN. */
  async approve(principal: Principal, id: number, scope: StoreScope): Promise<AdminAfterSaleDetail> {
    const row = await this.find(id, scope);
    const event = approveEventFor(row.type);
    const to = afterSaleMachine.nextState(row.state, event);
    // A repeated approval (a double click) finds the after-sale already past review.
    if (!to) return this.repeatOr(row, row.type === 'REFUND_ONLY' ? ['REFUNDING', 'REFUNDED'] : ['AWAITING_RETURN']);
    const now = this.clock.now();
    const audit = () => this.record(principal, 'after_sale.approve', row, to);
    if (to === 'AWAITING_RETURN') {
      await this.transactions.run(async (manager) => {
        await this.move(row, 'PENDING_REVIEW', to, { approvedAt: now }, manager);
        await audit();
      });
      return this.detail(id, scope);
    }
    await this.startRefund(row, 'PENDING_REVIEW', { approvedAt: now }, audit);
    return this.detail(id, scope);
  }

  /** The goods are back: AWAITING_RETURN → REFUNDING and the refund is asked for. */
  async confirmReturn(principal: Principal, id: number, scope: StoreScope): Promise<AdminAfterSaleDetail> {
    const row = await this.find(id, scope);
    if (!afterSaleMachine.canTransition(row.state, 'RECEIVE_RETURN'))
      return this.repeatOr(row, ['REFUNDING', 'REFUNDED']);
    await this.startRefund(row, 'AWAITING_RETURN', { returnReceivedAt: this.clock.now() }, () =>
      this.record(principal, 'after_sale.confirm_return', row, 'REFUNDING'),
    );
    return this.detail(id, scope);
  }

  /** Refused with a reason the member reads; the units go back to the line. */
  async reject(principal: Principal, id: number, reason: string, scope: StoreScope): Promise<AdminAfterSaleDetail> {
    const row = await this.find(id, scope);
    if (!afterSaleMachine.canTransition(row.state, 'REJECT')) return this.repeatOr(row, ['REJECTED']);
    const text = reason.trim();
    await this.transactions.run(async (manager) => {
      await this.move(row, row.state, 'REJECTED', { rejectReason: text, closedAt: this.clock.now() }, manager);
      await this.lineRefunds.release(manager, partOf(row));
      await this.record(principal, 'after_sale.reject', row, 'REJECTED', { rejectReason: text });
    });
    this.logger.log({ msg: 'after-sale rejected', afterSaleId: id });
    return this.detail(id, scope);
  }

  /** One audit entry per console write; called inside the write's transaction, which it joins. */
  private async record(
    principal: Principal,
    action: string,
    row: AfterSale,
    to: AfterSaleState,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record({
      actor: principal,
      action,
      objectType: 'after_sale',
      objectId: row.id,
      storeId: row.storeId,
      before: { state: row.state },
      after: { state: to, ...extra },
    });
  }

  /** WeChat's final word on the refund paying an after-sale (inside the transaction that records it). */
  private async refundSettled(
    manager: EntityManager,
    refund: Pick<PaymentRefundRead, 'id'>,
    status: Exclude<PaymentRefundStatus, 'PROCESSING'>,
  ): Promise<void> {
    if (status === 'ABNORMAL') return;
    const now = this.clock.now();
    const changes: Partial<AfterSale> =
      status === 'SUCCESS'
        ? { state: 'REFUNDED', refundedAt: now }
        : { state: 'REJECTED', closedAt: now, rejectReason: '微信支付退款未成功，请联系客服' };
    await manager
      .createQueryBuilder()
      .update(AfterSale)
      .set(changes)
      .where("paymentRefundId = :id AND state = 'REFUNDING'", { id: refund.id })
      .execute();
  }

  /** Moves to REFUNDING with its refund row in one transaction, then asks WeChat Pay (after commit). */
  private async startRefund(
    row: AfterSale,
    from: AfterSaleState,
    extra: Partial<AfterSale>,
    within: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const order = await this.orders.ownOrder(row.memberId, row.orderId);
    const refund = await this.transactions.run(async (manager) => {
      await this.move(row, from, 'REFUNDING', extra, manager);
      await within(manager);
      const created = await this.lineRefunds.createRefund(manager, order, [partOf(row)]);
      await manager.getRepository(AfterSale).update({ id: row.id }, { paymentRefundId: created.id });
      return created;
    });
    this.logger.log({ msg: 'after-sale refund asked', afterSaleId: row.id, refundId: refund.id });
    await this.refunds.submit(order, refund, `售后退款 ${row.afterSaleNo}`);
  }

  /** Conditional on the state read; a concurrent change is a conflict (nothing is written). */
  private async move(
    row: AfterSale,
    from: AfterSaleState,
    to: AfterSaleState,
    extra: Partial<AfterSale>,
    manager?: EntityManager,
  ): Promise<void> {
    const run = (m: EntityManager) =>
      m
        .createQueryBuilder()
        .update(AfterSale)
        .set({ state: to, ...extra })
        .where('id = :id AND state = :from', { id: row.id, from })
        .execute();
    const result = manager ? await run(manager) : await this.transactions.run(run);
    if (affectedRows(result) !== 1) throw new DomainException('AFTER_SALE_STATE_CONFLICT');
  }

  private async repeatOr(row: AfterSale, repeats: AfterSaleState[]): Promise<AdminAfterSaleDetail> {
    if (repeats.includes(row.state)) return this.view(row);
    throw new DomainException('AFTER_SALE_STATE_CONFLICT');
  }

  /** Within the caller's store scope: another store's after-sale is not found, never forbidden. */
  private async find(id: number, scope: StoreScope): Promise<AfterSale> {
    const row = await this.afterSales.findOneBy(scope.storeId === null ? { id } : { id, storeId: scope.storeId });
    if (!row) throw new DomainException('AFTER_SALE_NOT_FOUND');
    return row;
  }

  private async view(row: AfterSale): Promise<AdminAfterSaleDetail> {
    return (await this.views([row]))[0];
  }

  /** With the WeChat Pay refund paying each one (its status as WeChat reports it), read in one query. */
  private async views(rows: AfterSale[]): Promise<AdminAfterSaleDetail[]> {
    const refunds = await this.orderReads.refundViews(
      rows.flatMap((r) => (r.paymentRefundId ? [r.paymentRefundId] : [])),
    );
    return rows.map((row) => ({
      ...afterSaleView(row, this.photos, 'STAFF'),
      memberId: row.memberId,
      storeId: row.storeId,
      refund: row.paymentRefundId ? (refunds.get(row.paymentRefundId) ?? null) : null,
    }));
  }
}

function partOf(row: AfterSale) {
  return { lineId: row.lineId, quantity: row.quantity, amountFen: row.amountFen };
}
