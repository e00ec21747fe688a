import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { canRequestLineRefund, fen, growthForPaidFen } from '@tidepool/shared';
import { In, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { affectedRows, Transactions } from '../../common/database/transactions';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { CouponsService } from '../coupons';
import { LoyaltyService } from '../loyalty';
import { OutboxService } from '../outbox';
import { WechatPayGateway } from '../payments';
import { OrderItem } from './order-item.entity';
import { moveLines } from './order-transitions';
import { OrderLineRefundsService } from './order-line-refunds.service';
import { Order } from './order.entity';
import { PaymentRefund, type PaymentRefundStatus } from './payment-refund.entity';

/**
 * Line refunds: units of lines are held (REFUNDING) with a PaymentRefund row (stable out_refund_no) before WeChat
 * is asked; they become refunded only when WeChat says SUCCESS (notification or query). Then `order.refunded` takes back the
 * points and growth in proportion to the money returned, and a fully refunded order gives its coupons back.
 */
@Injectable()
export class OrderRefundsService implements OnModuleInit {
  private readonly logger = new Logger(OrderRefundsService.name);

  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectRepository(PaymentRefund) private readonly refunds: Repository<PaymentRefund>,
    private readonly gateway: WechatPayGateway,
    private readonly coupons: CouponsService,
    private readonly loyalty: LoyaltyService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly lineRefunds: OrderLineRefundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.subscribe('order.refunded', 'loyalty.order-refund-reversal', (event) =>
      this.reverseRewards(event.refundId),
    );
  }

  /** Refunds whole untouched lines at once (no review); partial quantities go through after-sales. */
  async request(memberId: number, orderId: number, lineIds: number[]): Promise<void> {
    // Another member's order is "not found", never "someone else's".
    const order = await this.orders.findOneBy({ id: orderId, memberId });
    if (!order) throw new DomainException('ORDER_NOT_FOUND');
    this.lineRefunds.assertRefundable(order);
    const lines = await this.items.findBy({ orderId, id: In(lineIds) });
    if (
      lines.length !== new Set(lineIds).size ||
      lines.some((l) => !canRequestLineRefund(order.state, l.refundState))
    ) {
      throw new DomainException('REFUND_STATE_CONFLICT');
    }
    const refund = await this.transactions.run(async (manager) => {
      for (const line of lines) {
        // Only a line none of whose units is refunded or held by an after-sale.
        const moved = await moveLines(
          manager,
          [line.id],
          'NONE',
          'REQUEST_REFUND',
          { refundingQuantity: () => 'quantity', refundingFen: () => 'paidFen' },
          'refundedQuantity = 0 AND refundingQuantity = 0',
        );
        if (moved !== 1) throw new DomainException('REFUND_STATE_CONFLICT');
      }
      const parts = lines.map((l) => ({ lineId: l.id, quantity: l.quantity, amountFen: l.paidFen }));
      return this.lineRefunds.createRefund(manager, order, parts);
    });
    await this.submit(order, refund, '用户申请退款');
  }

  /**
   * Asks WeChat Pay for a refund whose row exists (asked after the row commits: a lost answer is retried with the
   * same out_refund_no by the reconcile job), and applies the answer when it is already final.
   */
  async submit(order: Order, refund: PaymentRefund, reason: string): Promise<void> {
    try {
      const answer = await this.gateway.refund({
        outTradeNo: order.orderNo,
        outRefundNo: refund.outRefundNo,
        refundFen: fen(refund.amountFen),
        totalFen: fen(order.payableFen),
        reason,
        notifyUrl: `${this.config.wechatPay.notifyBase}/api/payments/wechat/refund-notify`,
      });
      await this.settle(refund.outRefundNo, answer.status, answer.refundId);
    } catch (error) {
      this.logger.warn({ msg: 'refund request not confirmed yet', orderId: order.id, error: (error as Error).message });
    }
  }

  /** A refund's final word from WeChat; applied once (conditional on PROCESSING). */
  async settle(outRefundNo: string, status: PaymentRefundStatus, wechatRefundId?: string): Promise<void> {
    // WeChat's refund_id is kept from its first answer (even while PROCESSING): the console quotes it to support.
    if (wechatRefundId) {
      await this.refunds
        .createQueryBuilder()
        .update(PaymentRefund)
        .set({ wechatRefundId })
        .where('outRefundNo = :outRefundNo AND wechatRefundId IS NULL', { outRefundNo })
        .execute();
    }
    if (status === 'PROCESSING') return;
    const refund = await this.refunds.findOneBy({ outRefundNo });
    if (!refund) return;
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(PaymentRefund)
        .set({ status, settledAt: now })
        .where("id = :id AND status = 'PROCESSING'", { id: refund.id })
        .execute();
      if (affectedRows(result) !== 1 || refund.kind !== 'LINES' || status === 'ABNORMAL') return;
      // SUCCESS: the held units are refunded; CLOSED: they are free again. ABNORMAL stays held (WeChat support).
      for (const part of await this.lineRefunds.partsOf(manager, refund)) {
        if (status === 'SUCCESS') await this.lineRefunds.markRefunded(manager, part);
        else await this.lineRefunds.release(manager, part);
      }
      await this.lineRefunds.notifySettled(manager, refund, status);
      if (status !== 'SUCCESS') return;
      await this.outbox.publish(manager, 'order.refunded', `order.refunded:${refund.id}`, {
        orderId: refund.orderId,
        refundId: refund.id,
        amountFen: refund.amountFen,
      });
      const open = await manager
        .getRepository(OrderItem)
        .countBy({ orderId: refund.orderId, refundState: In(['NONE', 'REFUNDING']) });
      if (open === 0) await this.coupons.release(manager, `order:${refund.orderId}`);
    });
    void this.outbox.dispatch().catch(() => undefined);
  }

  /**
   * Takes back points and growth in proportion to the money refunded so far: the target is computed on the
   * cumulative refunded amount, so several partial refunds add up to exactly the whole award, never more.
   */
  async reverseRewards(refundId: number): Promise<void> {
    const refund = await this.refunds.findOneByOrFail({ id: refundId });
    const order = await this.orders.findOneByOrFail({ id: refund.orderId });
    const done = await this.refunds.find({ where: { orderId: order.id, kind: 'LINES', status: 'SUCCESS' } });
    const upTo = (r: PaymentRefund) => r.id <= refund.id;
    const before = done.filter((r) => r.id < refund.id).reduce((s, r) => s + r.amountFen, 0);
    const after = done.filter(upTo).reduce((s, r) => s + r.amountFen, 0);
    const share = (total: number, refunded: number) =>
      refunded >= order.payableFen ? total : Math.floor((total * refunded) / Math.max(order.payableFen, 1));
    const points = share(order.pointsToAward, after) - share(order.pointsToAward, before);
    const growthTotal = growthForPaidFen(order.payableFen);
    const growth = share(growthTotal, after) - share(growthTotal, before);
    const source = { sourceType: 'order_refund', sourceId: refund.id };
    const earnedBy = { sourceType: 'order', sourceId: order.id };
    if (points > 0) await this.loyalty.reverse(order.memberId, { ...source, points, earnedBy, reason: '订单退款' });
    if (growth > 0)
      await this.loyalty.reverseGrowth(order.memberId, { ...source, growth, earnedBy, reason: '订单退款' });
  }
}
