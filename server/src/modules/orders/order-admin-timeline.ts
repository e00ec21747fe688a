import { type AdminOrderRefundView, type AdminOrderTimelineEntry, fen, formatFen } from '@tidepool/shared';
import type { Order } from './order.entity';

const REFUND_TITLES: Record<AdminOrderRefundView['status'], string> = {
  PROCESSING: '发起微信退款',
  SUCCESS: '微信退款成功',
  ABNORMAL: '微信退款异常',
  CLOSED: '微信退款关闭',
};

/**
 * The order's own moves, read from the instants it keeps (created, paid, shipped or handed over, completed,
 * cancelled) and its WeChat Pay refunds. Every state change stamps one of these, so nothing is inferred.
 */
export function timelineOf(order: Order, refunds: readonly AdminOrderRefundView[]): AdminOrderTimelineEntry[] {
  const entries: AdminOrderTimelineEntry[] = [
    { at: order.createdAt.toISOString(), title: '下单', note: `应付 ${formatFen(fen(order.payableFen))}` },
  ];
  if (order.paidAt) {
    entries.push({
      at: order.paidAt.toISOString(),
      title: '支付成功',
      note: order.transactionId ? `微信支付单号 ${order.transactionId}` : null,
    });
  }
  if (order.fulfilledAt) {
    if (order.carrier && order.trackingNo) {
      entries.push({
        at: order.fulfilledAt.toISOString(),
        title: '已发货',
        note: `${order.carrier} ${order.trackingNo}`,
      });
    } else if (order.fulfilment === 'PICKUP') {
      entries.push({ at: order.fulfilledAt.toISOString(), title: '已自提（门店交付）', note: null });
    } else {
      entries.push({ at: order.fulfilledAt.toISOString(), title: '已交付（无运单号）', note: null });
    }
  }
  // A pickup handover completes at the same instant it is handed over: one entry says both.
  if (order.completedAt && !(order.fulfilment === 'PICKUP' && order.handedOverByStaffId !== null)) {
    entries.push({ at: order.completedAt.toISOString(), title: '订单完成', note: null });
  }
  if (order.cancelledAt) {
    entries.push({ at: order.cancelledAt.toISOString(), title: '订单取消', note: order.cancelReason });
  }
  for (const refund of refunds) {
    entries.push({
      at: refund.createdAt,
      title: refund.kind === 'LATE_PAYMENT' ? '取消后到账，原路退回' : '发起微信退款',
      note: `${formatFen(fen(refund.amountFen))} · 退款单号 ${refund.outRefundNo}`,
    });
    if (refund.settledAt) {
      entries.push({
        at: refund.settledAt,
        title: REFUND_TITLES[refund.status],
        note: refund.wechatRefundId ? `微信退款单号 ${refund.wechatRefundId}` : null,
      });
    }
  }
  return entries;
}
