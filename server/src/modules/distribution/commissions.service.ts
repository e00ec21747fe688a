import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type CommissionStatus,
  lineCommission,
  protectionAfterOrder,
  reversedCommission,
  type SettlementRunResult,
} from '@tidepool/shared';
import { type DataSource, In, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { type OrderRead, OrderReadsService, type PaymentRefundRead } from '../orders';
import { OutboxService } from '../outbox';
import { CommissionLedger, type LedgerPosting } from './commission-ledger';
import {
  BindingEvent,
  Commission,
  type CommissionLine,
  CustomerBinding,
  DistributionProduct,
  effectiveRates,
  OrderAttribution,
  Promoter,
} from './distribution.entities';
import { bindingPolicy, DAY_MS, DISTRIBUTION_OPTIONS, type DistributionOptions } from './distribution.options';
import { BrandSettings } from '../brand';

const SETTLE_SCAN = 5_000;
const SETTLE_CHUNK = 1_000;
const MAX_OPTIMISTIC_TRIES = 8;

/**
 * Commission (佣金): accrued PENDING from `order.paid` for the promoter the buyer is bound to (and that promoter's
 * inviter at the second level), reversed in proportion by `order.refunded` (a debt when already settled), and
 * made AVAILABLE by the nightly settlement once the return window after completion has passed. Every balance
 * change is a ledger posting with a dedupe key; every commission change is conditional on its `version`.
 */
@Injectable()
export class CommissionsService implements OnModuleInit {
  private readonly logger = new Logger('Commissions');
  private readonly mysql: boolean;

  constructor(
    @InjectRepository(Commission) private readonly commissions: Repository<Commission>,
    private readonly orders: OrderReadsService,
    @InjectDataSource() dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly ledger: CommissionLedger,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(DISTRIBUTION_OPTIONS) private readonly options: DistributionOptions,
    private readonly brand: BrandSettings,
  ) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
  }

  onModuleInit(): void {
    this.outbox.subscribe('order.paid', 'distribution.accrue-commission', (event) => this.accrue(event.orderId));
    this.outbox.subscribe('order.refunded', 'distribution.reverse-commission', (event) => this.reverse(event.refundId));
  }

  /**
   * Attributes a paid order (once: order_attributions is keyed by the order) and accrues its commissions in the
   * same transaction. A redelivered event finds the attribution and changes nothing.
   */
  async accrue(orderId: number): Promise<void> {
    const order = await this.orders.byId(orderId);
    if (!order || !order.paidAt) return;
    try {
      await this.transactions.run(async (manager) => {
        if (await manager.getRepository(OrderAttribution).exist({ where: { orderId } })) return;
        await this.accrueIn(manager, order);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // attributed concurrently by another delivery
    }
  }

  private async accrueIn(manager: EntityManager, order: OrderRead): Promise<void> {
    const now = this.clock.now();
    const paidAt = order.paidAt ?? now;
    const level1 = await this.firstLevelPromoter(manager, order.memberId);
    const items = await this.orders.lines(order.id, manager);
    const baseFen = items.reduce((s, i) => s + i.paidFen, 0);
    const level2 =
      level1?.promoter.inviterPromoterId != null
        ? await manager.getRepository(Promoter).findOneBy({ id: level1.promoter.inviterPromoterId, status: 'APPROVED' })
        : null;
    await manager.getRepository(OrderAttribution).insert({
      orderId: order.id,
      buyerMemberId: order.memberId,
      promoterId: level1?.promoter.id ?? null,
      secondPromoterId: level2?.id ?? null,
      shareTokenId: level1?.shareTokenId ?? null,
      baseFen,
      createdAt: now,
    });
    if (!level1) return;

    // An attributed order protects the binding for longer (never shorter).
    if (level1.binding) {
      const next = protectionAfterOrder(
        { promoterId: level1.binding.promoterId, protectedUntil: level1.binding.protectedUntil },
        paidAt,
        bindingPolicy(this.options, this.brand.rules()),
      );
      if (next.protectedUntil.getTime() !== level1.binding.protectedUntil.getTime()) {
        await manager
          .getRepository(CustomerBinding)
          .update({ memberId: order.memberId, promoterId: next.promoterId }, { protectedUntil: next.protectedUntil });
        await manager.getRepository(BindingEvent).insert({
          memberId: order.memberId,
          promoterId: next.promoterId,
          previousPromoterId: next.promoterId,
          outcome: 'ORDER_EXTENDED',
          shareTokenId: null,
          protectedUntil: next.protectedUntil,
          createdAt: now,
        });
      }
    }

    const settings = new Map(
      (
        await manager
          .getRepository(DistributionProduct)
          .findBy({ productId: In([...new Set(items.map((i) => i.productId))]), enabled: true })
      ).map((s) => [s.productId, s]),
    );
    // A product without its own rates follows the brand rules in force when the order was paid (never later ones).
    const brandRates = this.brand.rules(paidAt).distribution;
    const levels: { level: 1 | 2; promoter: Promoter; rateOf: (s: DistributionProduct) => number }[] = [
      { level: 1, promoter: level1.promoter, rateOf: (s) => effectiveRates(s, brandRates).rateBp },
    ];
    if (level2) {
      levels.push({ level: 2, promoter: level2, rateOf: (s) => effectiveRates(s, brandRates).secondRateBp });
    }
    for (const { level, promoter, rateOf } of levels) {
      const lines: CommissionLine[] = items
        .filter((i) => settings.has(i.productId))
        .map((i) => {
          const rateBp = rateOf(settings.get(i.productId)!);
          return {
            orderItemId: i.id,
            productId: i.productId,
            productName: i.productName,
            quantity: i.quantity,
            paidFen: i.paidFen,
            rateBp,
            commissionFen: lineCommission(i.paidFen, rateBp),
            reversedFen: 0,
          };
        });
      const accruedFen = lines.reduce((s, l) => s + l.commissionFen, 0);
      if (accruedFen <= 0) continue;
      const inserted = await manager.getRepository(Commission).insert({
        orderId: order.id,
        level,
        promoterId: promoter.id,
        buyerMemberId: order.memberId,
        shareTokenId: level1.shareTokenId,
        baseFen: lines.reduce((s, l) => s + l.paidFen, 0),
        accruedFen,
        reversedFen: 0,
        status: 'PENDING',
        lines,
        version: 0,
        paidAt,
        settledAt: null,
        createdAt: now,
      });
      const commissionId = Number((inserted.identifiers[0] as { id: number }).id);
      await this.ledger.post(manager, {
        promoterId: promoter.id,
        type: 'ACCRUE',
        pendingDeltaFen: accruedFen,
        earnedDeltaFen: accruedFen,
        commissionId,
        orderId: order.id,
        dedupeKey: `accrue:${commissionId}`,
        note: `订单 ${order.orderNo} ${level === 1 ? '推广佣金' : '团队佣金'}`,
      });
    }
    this.logger.log({ msg: 'order attributed', orderId: order.id, promoterId: level1.promoter.id });
  }

  /** The buyer themself (self-purchase, when allowed) or the approved promoter the buyer is bound to. */
  private async firstLevelPromoter(
    manager: EntityManager,
    buyerMemberId: number,
  ): Promise<{ promoter: Promoter; binding: CustomerBinding | null; shareTokenId: number | null } | null> {
    const own = await manager.getRepository(Promoter).findOneBy({ memberId: buyerMemberId, status: 'APPROVED' });
    if (own && this.options.selfPurchaseCommission) return { promoter: own, binding: null, shareTokenId: null };
    const binding = await manager.getRepository(CustomerBinding).findOneBy({ memberId: buyerMemberId });
    if (!binding) return null;
    const promoter = await manager.getRepository(Promoter).findOneBy({ id: binding.promoterId, status: 'APPROVED' });
    if (!promoter || promoter.memberId === buyerMemberId) return null;
    return { promoter, binding, shareTokenId: binding.shareTokenId };
  }

  /**
   * Takes back commission for a refund in proportion to what each line has refunded so far (cumulative), so
   * several partial refunds add up to exactly the whole commission. Before settlement it leaves pending; after,
   * it is a negative available entry (a debt the next commissions repay). Applied once per refund and commission.
   */
  async reverse(refundId: number): Promise<void> {
    const refund = await this.orders.refundById(refundId);
    if (!refund || refund.status !== 'SUCCESS') return;
    const done = await this.orders.successfulRefunds(refund.orderId);
    // Only line refunds announce order.refunded; a whole-payment refund (a duplicate or late payment) returns
    // money that never bought anything, so it takes no commission back.
    const upTo = done.filter((r) => r.id <= refund.id && r.kind === 'LINES');
    // Money refunded per line so far: partial quantities (after-sales) name their units' amount; older rows a
    // whole line (Infinity: capped at the line's paidFen below).
    const refundedLines = new Map<number, number>();
    for (const r of upTo) {
      const parts = r.lines ?? r.lineIds.map((lineId) => ({ lineId, amountFen: Number.POSITIVE_INFINITY }));
      for (const p of parts) refundedLines.set(p.lineId, (refundedLines.get(p.lineId) ?? 0) + p.amountFen);
    }
    const rows = await this.commissions.findBy({ orderId: refund.orderId });
    for (const row of rows) await this.reverseOne(row.id, refund, refundedLines);
  }

  private async reverseOne(
    commissionId: number,
    refund: PaymentRefundRead,
    refundedLines: Map<number, number>,
  ): Promise<void> {
    const dedupeKey = `reverse:${commissionId}:${refund.id}`;
    for (let attempt = 0; attempt < MAX_OPTIMISTIC_TRIES; attempt++) {
      const done = await this.transactions.run(async (manager) => {
        const c = await manager.getRepository(Commission).findOneByOrFail({ id: commissionId });
        const lines = c.lines.map((l) => {
          const refunded = Math.min(l.paidFen, refundedLines.get(l.orderItemId) ?? 0);
          return {
            ...l,
            reversedFen: Math.max(l.reversedFen, reversedCommission(l.commissionFen, l.paidFen, refunded)),
          };
        });
        const reversedFen = lines.reduce((s, l) => s + l.reversedFen, 0);
        const delta = reversedFen - c.reversedFen;
        if (delta <= 0) return true;
        const settled = c.status === 'AVAILABLE';
        const status: CommissionStatus = !settled && reversedFen >= c.accruedFen ? 'REVERSED' : c.status;
        const result = await manager
          .createQueryBuilder()
          .update(Commission)
          .set({ reversedFen, lines, status, version: c.version + 1 })
          .where('id = :id AND version = :version', { id: c.id, version: c.version })
          .execute();
        if (affectedRows(result) !== 1) return false; // changed meanwhile (settled?): read again
        await this.ledger.post(manager, {
          promoterId: c.promoterId,
          type: settled ? 'CLAWBACK' : 'REVERSE',
          ...(settled ? { availableDeltaFen: -delta } : { pendingDeltaFen: -delta }),
          earnedDeltaFen: -delta,
          commissionId: c.id,
          orderId: c.orderId,
          dedupeKey,
          note: settled ? '结算后退款，佣金待抵扣' : '订单退款，佣金退回',
        });
        return true;
      });
      if (done) return;
    }
    throw new Error(`commission ${commissionId} kept changing; the outbox will retry`);
  }

  /**
   * The nightly settlement: commissions still PENDING whose order completed at least the return window ago become
   * AVAILABLE, their net (accrued − reversed) moving from pending to available. Chunks of 1,000 in one transaction
   * each (rows locked on MySQL; SQLite runs one writer), one ledger entry per commission, one account update
   * for the chunk. Safe to run again or on two replicas: a settled row is no longer PENDING.
   */
  async settleDue(now: Date = this.clock.now()): Promise<SettlementRunResult> {
    const cutoff = new Date(now.getTime() - this.brand.rules().returnWindowDays * DAY_MS);
    let after = 0;
    let settled = 0;
    let settledFen = 0;
    for (;;) {
      const pending = await this.commissions
        .createQueryBuilder('c')
        .select('c.id', 'id')
        .addSelect('c.orderId', 'orderId')
        .where("c.status = 'PENDING' AND c.id > :after", { after })
        .orderBy('c.id', 'ASC')
        .limit(SETTLE_SCAN)
        .getRawMany<{ id: number | string; orderId: number | string }>();
      if (pending.length === 0) break;
      after = Number(pending[pending.length - 1].id);
      // The orders module says which orders are past their return window (it owns the orders table).
      const due = await this.orders.completedBy(
        pending.map((c) => Number(c.orderId)),
        cutoff,
      );
      const ids = pending.filter((c) => due.has(Number(c.orderId))).map((c) => Number(c.id));
      for (let i = 0; i < ids.length; i += SETTLE_CHUNK) {
        const chunk = ids.slice(i, i + SETTLE_CHUNK);
        const outcome = await this.transactions.run((manager) => this.settleChunk(manager, chunk, now));
        settled += outcome.count;
        settledFen += outcome.fen;
      }
      if (pending.length < SETTLE_SCAN) break;
    }
    if (settled > 0) this.logger.log({ msg: 'commissions settled', settled, settledFen });
    return { settled, settledFen, ranAt: now.toISOString() };
  }

  private async settleChunk(manager: EntityManager, ids: number[], now: Date): Promise<{ count: number; fen: number }> {
    const query = manager
      .getRepository(Commission)
      .createQueryBuilder('c')
      .select(['c.id', 'c.promoterId', 'c.orderId', 'c.accruedFen', 'c.reversedFen'])
      .where("c.id IN (:...ids) AND c.status = 'PENDING'", { ids });
    const rows = await (this.mysql ? query.setLock('pessimistic_write') : query).getMany();
    if (rows.length === 0) return { count: 0, fen: 0 };
    await manager
      .createQueryBuilder()
      .update(Commission)
      .set({ status: 'AVAILABLE', settledAt: now, version: () => 'version + 1' })
      .where("id IN (:...ids) AND status = 'PENDING'", { ids: rows.map((r) => r.id) })
      .execute();
    const postings: LedgerPosting[] = [];
    let fen = 0;
    for (const r of rows) {
      const net = r.accruedFen - r.reversedFen;
      fen += net;
      if (net === 0) continue;
      postings.push({
        promoterId: r.promoterId,
        type: 'SETTLE',
        pendingDeltaFen: -net,
        availableDeltaFen: net,
        commissionId: r.id,
        orderId: r.orderId,
        dedupeKey: `settle:${r.id}`,
        note: '退货期结束，佣金可提现',
      });
    }
    await this.ledger.postMany(manager, postings);
    return { count: rows.length, fen };
  }
}
