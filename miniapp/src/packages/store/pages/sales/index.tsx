import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { fen, formatFen, type TillTransactionStatus, type TillTransactionView } from '@tidepool/shared';
import { Price } from '@/components/price';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { getTillSale, listTillSales, refundTillSale } from '@/services/api/till.api';
import { toApiError } from '@/services/api-error';
import { useAppStore } from '@/stores';
import { selectStaffSession } from '@/stores/selectors';
import { formatDateTime } from '@/utils/date';
import { redirectTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import { PagedList } from '@/components/paged-list';
import '../../store.scss';
import './index.scss';

const STATUS_LABEL: Record<TillTransactionStatus, string> = {
  COMPLETED: '已完成',
  REFUNDED: '已退款',
};

/** "2026-11-25 10:02" in the store's time zone. */
function when(iso: string | null): string {
  return formatDateTime(iso);
}

function StatusTag({ status }: { status: TillTransactionStatus }) {
  return <Text className={`sale-status sale-status--${status.toLowerCase()}`}>{STATUS_LABEL[status]}</Text>;
}

function SaleRow({ sale, onOpen }: { sale: TillTransactionView; onOpen: (sale: TillTransactionView) => void }) {
  const refunded = sale.status === 'REFUNDED';
  return (
    <View className={`sale-row ${refunded ? 'sale-row--refunded' : ''}`} onClick={() => onOpen(sale)}>
      <View className="sale-row__main">
        <Text className="sale-row__phone sale-phone">{sale.phoneMasked ?? '会员'}</Text>
        <Text className="sale-row__time">{when(sale.createdAt)}</Text>
      </View>
      <View className="sale-row__side">
        <Price fen={fen(sale.payableFen)} size="sm" className="sale-payable" />
        <View className="sale-row__meta">
          <Text className="sale-row__points sale-points">{`${refunded ? '' : '+'}${sale.pointsAwarded} 积分`}</Text>
          <StatusTag status={sale.status} />
        </View>
      </View>
      <Text className="sale-row__arrow">›</Text>
    </View>
  );
}

function DetailLine({ label, value, className = '' }: { label: string; value: string; className?: string }) {
  return (
    <View className={`sale-detail__line ${className}`}>
      <Text className="sale-detail__label">{label}</Text>
      <Text className="sale-detail__value">{value}</Text>
    </View>
  );
}

function SaleDetail({
  sale,
  refunding,
  error,
  onRefund,
  onClose,
}: {
  sale: TillTransactionView;
  refunding: boolean;
  error: string | null;
  onRefund: () => void;
  onClose: () => void;
}) {
  const refunded = sale.status === 'REFUNDED';
  return (
    <View className="sale-sheet" catchMove>
      <View className="sale-sheet__mask" onClick={onClose} />
      <View className="sale-sheet__body sale-detail">
        <View className="sale-detail__head">
          <Text className="sale-detail__title">交易详情</Text>
          <StatusTag status={sale.status} />
          <Text className="sale-detail__close sale-detail-close" onClick={onClose}>
            ×
          </Text>
        </View>
        <View className="sale-detail__paid">
          <Text className="sale-detail__paid-label">{refunded ? '已退款' : '实收'}</Text>
          <Price fen={fen(sale.payableFen)} size="lg" className="sale-detail-payable" />
        </View>
        <DetailLine label="会员" value={sale.phoneMasked ?? '—'} />
        <DetailLine label="商品金额" value={formatFen(fen(sale.subtotalFen))} />
        {sale.discounts.map((line, index) => (
          <DetailLine
            key={`${line.label}-${index}`}
            label={line.label}
            value={formatFen(fen(-line.amountFen))}
            className="sale-detail__line--discount sale-detail-discount"
          />
        ))}
        <DetailLine
          label={refunded ? '积分（已扣回）' : '获得积分'}
          value={String(sale.pointsAwarded)}
          className="sale-detail-points"
        />
        <DetailLine label={refunded ? '成长值（已扣回）' : '获得成长值'} value={String(sale.growthAwarded)} />
        <DetailLine label="收款时间" value={formatDateTime(sale.createdAt)} />
        {sale.refundedAt ? <DetailLine label="退款时间" value={formatDateTime(sale.refundedAt)} /> : null}
        <DetailLine label="交易号" value={`${sale.id} · ${sale.clientId}`} className="sale-detail__line--small" />
        {error ? <Text className="store-error sale-detail-error">{error}</Text> : null}
        {refunded ? null : (
          <View
            className={`btn btn--danger btn--block sale-detail__refund refund-button ${refunding ? 'btn--disabled' : ''}`}
            onClick={onRefund}
          >
            {refunding ? '退款中…' : '退款'}
          </View>
        )}
      </View>
    </View>
  );
}

/** 门店交易: this store's till sales, newest first; a sale's detail and its refund. */
export default function StoreSalesPage() {
  const staff = useAppStore(selectStaffSession);
  const list = usePagedList(
    useCallback((page: number) => listTillSales(page), []),
    [staff?.token],
  );
  const [open, setOpen] = useState<TillTransactionView | null>(null);
  const [refunding, setRefunding] = useState(false);
  const [detailError, setDetailError] = useState<string | null>(null);

  useEffect(() => {
    if (!staff) redirectTo(ROUTES.storeLogin);
  }, [staff]);

  useListPageGestures(list);

  const openSale = (sale: TillTransactionView) => {
    setOpen(sale);
    setDetailError(null);
    // The row may be stale (refunded on another till): show it at once, then the server's current view.
    getTillSale(sale.id).then(
      (fresh) => setOpen((current) => (current?.id === fresh.id ? fresh : current)),
      (err: unknown) => setDetailError(toApiError(err).message),
    );
  };

  const refund = async () => {
    if (!open || refunding) return;
    const { confirm } = await Taro.showModal({
      title: '确认退款',
      content: '退款将扣回本单积分和成长值，并退回使用的优惠券',
      confirmText: '确认退款',
      cancelText: '取消',
      confirmColor: colors.danger,
    }).catch(() => ({ confirm: false }));
    if (!confirm) return;
    setRefunding(true);
    setDetailError(null);
    try {
      const refunded = await refundTillSale(open.id);
      setOpen(refunded);
      toast('已退款');
    } catch (err) {
      const error = toApiError(err);
      setDetailError(error.message);
      if (error.code === 'TILL_TXN_ALREADY_REFUNDED') {
        getTillSale(open.id).then(setOpen, () => undefined);
      }
    } finally {
      setRefunding(false);
      void list.refresh();
    }
  };

  if (!staff) return <View className="store-page" />;

  return (
    <View className="store-page sales-page">
      <View className="sales-head">
        <Text className="sales-head__title">本店收银记录</Text>
        <Text className="sales-head__count">{list.initialLoading ? '' : `共 ${list.total} 笔`}</Text>
      </View>

      <PagedList
        list={list}
        empty={{ title: '还没有收银记录', description: '在门店模式识别会员后录入消费金额即可收银' }}
        renderItem={(sale) => <SaleRow key={sale.id} sale={sale} onOpen={openSale} />}
        wrapRows
        rowsClassName="sales-list"
      />

      {open ? (
        <SaleDetail
          sale={open}
          refunding={refunding}
          error={detailError}
          onRefund={() => void refund()}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </View>
  );
}
