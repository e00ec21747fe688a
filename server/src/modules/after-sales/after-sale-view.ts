import {
  type Actor,
  AFTER_SALE_TYPE_LABELS,
  afterSaleActions,
  afterSaleReasonLabel,
  type AfterSaleTimelineEntry,
  type AfterSaleView,
  fen,
  formatFen,
} from '@tidepool/shared';
import type { AfterSalePhotosService } from './after-sale-photos.service';
import type { AfterSale } from './after-sale.entity';

/** What the member (or the operator) sees of an after-sale; the timeline is read from its timestamps. */
export function afterSaleView(row: AfterSale, photos: AfterSalePhotosService, actor: Actor): AfterSaleView {
  return {
    id: row.id,
    afterSaleNo: row.afterSaleNo,
    orderId: row.orderId,
    orderNo: row.orderNo,
    type: row.type,
    state: row.state,
    actions: afterSaleActions(row.state, actor),
    lineId: row.lineId,
    productName: row.productName,
    specText: row.specText,
    imageUrl: row.imageUrl,
    unitPriceFen: row.unitPriceFen,
    quantity: row.quantity,
    amountFen: row.amountFen,
    reasonCode: row.reasonCode,
    reasonLabel: afterSaleReasonLabel(row.reasonCode),
    reasonText: row.reasonText,
    photos: row.photoIds.map((id) => photos.view(id)),
    rejectReason: row.rejectReason,
    returnCarrier: row.returnCarrier,
    returnTrackingNo: row.returnTrackingNo,
    timeline: timelineOf(row),
    createdAt: row.createdAt.toISOString(),
    refundedAt: row.refundedAt?.toISOString() ?? null,
  };
}

function timelineOf(row: AfterSale): AfterSaleTimelineEntry[] {
  const entries: AfterSaleTimelineEntry[] = [
    {
      title: '提交申请',
      at: row.createdAt.toISOString(),
      note: `${AFTER_SALE_TYPE_LABELS[row.type]} ${row.quantity} 件 · ${afterSaleReasonLabel(row.reasonCode)}`,
    },
  ];
  if (row.approvedAt) {
    entries.push({
      title: row.type === 'REFUND_ONLY' ? '商家同意退款' : '商家同意退货',
      at: row.approvedAt.toISOString(),
      note: row.type === 'RETURN_REFUND' ? '请寄回商品，并填写退货快递单号' : '退款处理中',
    });
  }
  if (row.returnShippedAt) {
    entries.push({
      title: '已寄回商品',
      at: row.returnShippedAt.toISOString(),
      note: [row.returnCarrier, row.returnTrackingNo].filter(Boolean).join(' ') || null,
    });
  }
  if (row.returnReceivedAt) {
    entries.push({ title: '商家已收到退货', at: row.returnReceivedAt.toISOString(), note: '退款处理中' });
  }
  if (row.refundedAt) {
    entries.push({
      title: '退款成功',
      at: row.refundedAt.toISOString(),
      note: `${formatFen(fen(row.amountFen))} 已原路退回`,
    });
  }
  if (row.closedAt && row.state === 'CANCELLED') {
    entries.push({ title: '已撤销申请', at: row.closedAt.toISOString(), note: null });
  }
  if (row.closedAt && row.state === 'REJECTED') {
    entries.push({
      title: row.paymentRefundId ? '退款未成功' : '商家拒绝了申请',
      at: row.closedAt.toISOString(),
      note: row.rejectReason,
    });
  }
  return entries;
}
