import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { fen, type OrderPaymentResponse } from '@tidepool/shared';
import type { Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock.service';
import { Transactions } from '../../common/database/transactions';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainException } from '../../common/errors/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/config.module';
import { JobScheduler } from '../jobs';
import { MembersService } from '../members';
import { OutboxService } from '../outbox';
import { WechatPayGateway, type WechatPayOrder } from '../payments';
import { OrderRefundsService } from './order-refunds.service';
import { OrderReservations } from './order-reservations';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { moveOrders } from './order-transitions';
import { walkOldestFirst } from './oldest-first-walk';
import { PaymentCloser } from './orders.service';
import { PaymentRefund } from './payment-refund.entity';

export type PaymentOutcome = 'paid' | 'already-paid' | 'ignored' | 'late-refunded';

/** How long a notification may take before reconciliation asks WeChat itself. */
const NOTIFICATION_HEAD_START_MS = 2 * 60_000;
const RECONCILE_BATCH = 100;
/** About how many orders one run (once a minute) queries, in whole batches; the next run goes on from there. */
const RECONCILE_MAX_PER_RUN = 1000;

/**
 * WeChat Pay for orders: opening the payment, applying a verified payment exactly once (from a notification or
 * a query), closing before stock is released, refunding a payment that arrived for a cancelled order, and the
 * reconciliation job that asks WeChat about orders whose notification never came.
 */
@Injectable()
export class OrderPaymentsService extends PaymentCloser implements OnModuleInit {
  private readonly logger = new Logger(OrderPaymentsService.name);
  /**
   * The last order the reconciliation walk got past (null: start from the oldest). In memory, so per replica
   * and lost on restart: a replica without it starts from the oldest again, which repeats work but skips none.
   */
  private reconcileCursor: { createdAt: Date; id: number } | null = null;
  /** The same for refunds still PROCESSING: the last refund id the walk got past. */
  private refundCursor: number | null = null;

  constructor(
    private readonly reservations: OrderReservations,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    @InjectRepository(OrderItem) private readonly items: Repository<OrderItem>,
    @InjectRepository(PaymentRefund) private readonly refunds: Repository<PaymentRefund>,
    private readonly gateway: WechatPayGateway,
    private readonly refundsService: OrderRefundsService,
    private readonly members: MembersService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: 'payments-reconcile',
      periodOf: (now) => String(Math.floor(now.getTime() / 60_000)),
      work: async () => this.reconcile(),
    });
  }

  /** Opens (or reopens: same fields, same prepay id) the WeChat Pay order for an unpaid order. */
  async pay(memberId: number, order: Order): Promise<OrderPaymentResponse> {
    if (order.state !== 'PENDING_PAYMENT') throw new DomainException('ORDER_STATE_CONFLICT', '订单已不是待付款状态');
    if (order.reservationExpiresAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainException('ORDER_STATE_CONFLICT', '订单已超时，请重新下单');
    }
    const member = await this.members.requireById(memberId);
    // Recorded before asking WeChat: if the answer is lost, the order must still be closed before release.
    if (!order.prepayOpened) await this.orders.update({ id: order.id }, { prepayOpened: true });
    const items = await this.items.find({ where: { orderId: order.id }, order: { id: 'ASC' } });
    const title = items.length > 1 ? `${items[0].productName}等${items.length}件` : (items[0]?.productName ?? '订单');
    const { prepayId, paymentParams } = await this.gateway.jsapiPrepay({
      outTradeNo: order.orderNo,
      description: `Tidepool-${title}`.slice(0, 127),
      amountFen: fen(order.payableFen),
      payerOpenid: member.openid,
      timeExpire: order.reservationExpiresAt,
      notifyUrl: `${this.config.wechatPay.notifyBase}/api/payments/wechat/notify`,
    });
    const back = `/packages/order/pages/detail/index?id=${order.id}`;
    return {
      paymentParams,
      h5PayUrl:
        this.config.wechatPay.gateway === 'sim'
          ? `/api/dev/wechatpay/pay?prepay_id=${encodeURIComponent(prepayId)}&return=${encodeURIComponent(back)}`
          : null,
    };
  }

  /**
   * A payment WeChat vouched for (verified notification or query). PENDING_PAYMENT → PAID and the `order.paid`
   * event in one transaction, keyed by the order, so replays change nothing. A payment for an order already
   * cancelled (stock released) is refunded in full, never honoured.
   */
  async applyPayment(payment: WechatPayOrder): Promise<PaymentOutcome> {
    if (payment.tradeState !== 'SUCCESS' || !payment.transactionId) return 'ignored';
    const order = await this.orders.findOneBy({ orderNo: payment.outTradeNo });
    if (!order) throw new DomainException('ORDER_NOT_FOUND', `unknown out_trade_no ${payment.outTradeNo}`);
    if (payment.amountFen !== order.payableFen) {
      this.logger.error({ msg: 'payment amount mismatch', orderId: order.id, paid: payment.amountFen });
      throw new DomainException('VALIDATION_FAILED', 'payment amount does not match the order');
    }
    const transactionId = payment.transactionId;
    const paidAt = payment.successTime ?? this.clock.now();
    const paid = await this.transactions.run(async (manager) => {
      if ((await moveOrders(manager, [order.id], 'PENDING_PAYMENT', ['PAY'], { paidAt, transactionId })) !== 1) {
        return false;
      }
      await this.reservations.sell(manager, order.id);
      await this.outbox.publish(manager, 'order.paid', `order.paid:${order.id}`, {
        orderId: order.id,
        memberId: order.memberId,
        paidFen: order.payableFen,
      });
      return true;
    });
    if (paid) {
      this.logger.log({ msg: 'order paid', orderId: order.id, payableFen: order.payableFen });
      void this.outbox.dispatch().catch(() => undefined); // prompt points; the scheduler retries anything left
      return 'paid';
    }
    const current = await this.orders.findOneByOrFail({ id: order.id });
    if (current.transactionId === transactionId) return 'already-paid';
    // Cancelled before the money arrived, or a second payment of a paid order: give this payment back.
    await this.refundWholePayment(current, transactionId);
    return 'late-refunded';
  }

  /** Close the WeChat order first; if it was paid meanwhile, the payment wins and nothing is released. */
  async closeBeforeRelease(order: Order): Promise<'closed' | 'paid'> {
    try {
      await this.gateway.closeOrder(order.orderNo);
      return 'closed';
    } catch (error) {
      if (error instanceof DomainException && error.code === 'PAYMENT_ORDER_NOT_FOUND') return 'closed';
      if (error instanceof DomainException && error.code === 'PAYMENT_ORDER_PAID') {
        const outcome = await this.applyPayment(await this.gateway.queryOrder(order.orderNo));
        return outcome === 'late-refunded' ? 'closed' : 'paid';
      }
      throw error;
    }
  }

  /**
   * Asks WeChat about unpaid orders whose notification has not come, then settles refunds still processing.
   * The orders are walked oldest first in batches with a keyset cursor (createdAt, id), so every one is reached
   * however many there are; a run checks about RECONCILE_MAX_PER_RUN and the next run goes on from where it
   * stopped. When WeChat Pay is unavailable the run stops at that order; the next run goes on after it (it comes
   * round again on the next pass), so one order WeChat never answers cannot hold the walk in place.
   */
  async reconcile(): Promise<{ checked: number; paid: number; refundsSettled: number }> {
    const { checked, paid } = await this.reconcilePayments(this.clock.now());
    const refundsSettled = await this.reconcileRefunds();
    return { checked, paid, refundsSettled };
  }

  /**
   * The orders that may have been paid unnoticed: unpaid, with a WeChat Pay order opened, older than the
   * notification's head start, and still inside their payment window (once it closes, expiry closes the WeChat
   * order and applies a payment found then).
   */
  private async reconcilePayments(now: Date): Promise<{ checked: number; paid: number }> {
    let paid = 0;
    const { visited, resumeFrom } = await walkOldestFirst({
      from: this.reconcileCursor,
      batch: RECONCILE_BATCH,
      maxPerRun: RECONCILE_MAX_PER_RUN,
      page: (after: { createdAt: Date; id: number } | null, limit) => {
        const query = this.orders
          .createQueryBuilder('o')
          .where("o.state = 'PENDING_PAYMENT' AND o.prepayOpened = :opened", { opened: true })
          .andWhere('o.createdAt < :settled AND o.reservationExpiresAt > :now', {
            settled: new Date(now.getTime() - NOTIFICATION_HEAD_START_MS),
            now,
          });
        if (after) {
          query.andWhere('(o.createdAt > :afterAt OR (o.createdAt = :afterAt AND o.id > :afterId))', {
            afterAt: after.createdAt,
            afterId: after.id,
          });
        }
        return query.orderBy('o.createdAt', 'ASC').addOrderBy('o.id', 'ASC').take(limit).getMany();
      },
      cursorOf: (order) => ({ createdAt: order.createdAt, id: order.id }),
      visit: async (order) => {
        try {
          if ((await this.applyPayment(await this.gateway.queryOrder(order.orderNo))) === 'paid') paid++;
        } catch (error) {
          if (isPaymentUnavailable(error)) {
            this.logger.warn({ msg: 'reconcile paused: WeChat Pay unavailable', orderId: order.id });
            return 'pause';
          }
          this.logger.warn({ msg: 'reconcile query failed', orderId: order.id, error: (error as Error).message });
        }
        return 'next';
      },
    });
    this.reconcileCursor = resumeFrom;
    return { checked: visited, paid };
  }

  /**
   * Refunds WeChat has not confirmed yet, oldest first by id, resuming where the last run stopped: a refund that
   * stays PROCESSING for days does not keep the ones behind it from being asked about.
   */
  private async reconcileRefunds(): Promise<number> {
    let settled = 0;
    const { resumeFrom } = await walkOldestFirst({
      from: this.refundCursor,
      batch: RECONCILE_BATCH,
      maxPerRun: RECONCILE_MAX_PER_RUN,
      page: (after: number | null, limit) =>
        this.refunds
          .createQueryBuilder('r')
          .where("r.status = 'PROCESSING' AND r.id > :after", { after: after ?? 0 })
          .orderBy('r.id', 'ASC')
          .take(limit)
          .getMany(),
      cursorOf: (refund) => refund.id,
      visit: async (refund) => {
        try {
          const answer = await this.gateway.queryRefund(refund.outRefundNo);
          if (answer.status !== 'PROCESSING') {
            await this.refundsService.settle(refund.outRefundNo, answer.status, answer.refundId);
            settled++;
          }
        } catch (error) {
          if (isPaymentUnavailable(error)) return 'pause';
          this.logger.warn({ msg: 'reconcile refund failed', refundId: refund.id, error: (error as Error).message });
        }
        return 'next';
      },
    });
    this.refundCursor = resumeFrom;
    return settled;
  }

  private async refundWholePayment(order: Order, transactionId: string): Promise<void> {
    const outRefundNo = `L${order.orderNo}${transactionId.slice(-8)}`.slice(0, 64);
    try {
      await this.refunds.insert({
        orderId: order.id,
        outRefundNo,
        kind: 'LATE_PAYMENT',
        transactionId,
        amountFen: order.payableFen,
        totalFen: order.payableFen,
        lineIds: [],
        status: 'PROCESSING',
        createdAt: this.clock.now(),
        settledAt: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // already being refunded (a replayed notification)
    }
    this.logger.warn({ msg: 'late payment refunded', orderId: order.id, state: order.state });
    const answer = await this.gateway.refund({
      outTradeNo: order.orderNo,
      outRefundNo,
      refundFen: fen(order.payableFen),
      totalFen: fen(order.payableFen),
      reason: '订单已取消，款项原路退回',
      notifyUrl: `${this.config.wechatPay.notifyBase}/api/payments/wechat/refund-notify`,
    });
    await this.refundsService.settle(outRefundNo, answer.status, answer.refundId);
  }
}

/** WeChat Pay could not be reached: the reconciliation run ends there (see walkOldestFirst). */
function isPaymentUnavailable(error: unknown): boolean {
  return error instanceof DomainException && error.code === 'PAYMENT_UNAVAILABLE';
}
