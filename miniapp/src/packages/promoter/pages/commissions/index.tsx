import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { COMMISSION_STATUS_LABELS, type CommissionRecordView, type CommissionStatus } from '@tidepool/shared';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { listCommissions } from '@/services/distribution.api';
import { formatDate, formatDateTime } from '@/utils/date';
import { navigateTo } from '@/utils/routes';
import { Badge, PagedSection } from '../../components';
import { withIds } from '../../paged';
import { formatRate, yuan, type Tone } from '../../promoter-text';
import '../../promoter.scss';

const TABS: readonly { status: CommissionStatus | undefined; title: string }[] = [
  { status: undefined, title: '全部' },
  { status: 'PENDING', title: '待结算' },
  { status: 'AVAILABLE', title: '已结算' },
  { status: 'REVERSED', title: '已退回' },
];

const TONE: Record<CommissionStatus, Tone> = { PENDING: 'wait', AVAILABLE: 'done', REVERSED: 'bad' };

function CommissionRow({ record: r }: { record: CommissionRecordView }) {
  return (
    <View className="promoter-row commission-row">
      <View className="promoter-row__head">
        <View className="promoter-row__main">
          <Text className="promoter-row__title commission-buyer">{`${r.buyerMasked}${r.level === 2 ? ' · 团队' : ''}`}</Text>
          <Text className="promoter-row__meta">{`订单 ${r.orderNoMasked} · ${formatDateTime(r.paidAt)}`}</Text>
        </View>
        <Text className="promoter-row__amount commission-amount">{yuan(r.netFen)}</Text>
        <Badge text={COMMISSION_STATUS_LABELS[r.status]} tone={TONE[r.status]} className="commission-status" />
      </View>
      <View className="promoter-row__lines">
        {r.lines.map((line, index) => (
          <View className="promoter-row__line" key={index}>
            <Text>{`${line.productName} ×${line.quantity}`}</Text>
            <Text>{`${yuan(line.paidFen)} × ${formatRate(line.rateBp)} = ${yuan(line.commissionFen)}`}</Text>
          </View>
        ))}
      </View>
      <View className="promoter-row__foot">
        <Text>{`计佣金额 ${yuan(r.baseFen)}${r.reversedFen > 0 ? ` · 退款扣回 ${yuan(r.reversedFen)}` : ''}`}</Text>
        <Text className="commission-available-at">
          {r.status === 'PENDING'
            ? r.availableAt
              ? `${formatDate(r.availableAt)} 可提现`
              : '确认收货后开始计算退货期'
            : r.status === 'AVAILABLE'
              ? '已计入可提现'
              : '订单已退款'}
        </Text>
      </View>
    </View>
  );
}

/** 佣金明细: one row per order, the buyer masked, with the lines and when it becomes withdrawable. */
export default function CommissionsPage() {
  const [status, setStatus] = useState<CommissionStatus | undefined>(undefined);
  const list = usePagedList(
    (page) => listCommissions(page, status).then((p) => withIds(p, (r) => r.orderId * 10 + r.level)),
    [status],
  );
  useListPageGestures(list);

  return (
    <View className="promoter-page commissions-page">
      <View className="promoter-tabs">
        {TABS.map((tab) => (
          <Text
            key={tab.title}
            className={`promoter-tabs__tab commission-tab ${tab.status === status ? 'promoter-tabs__tab--active' : ''}`}
            onClick={() => setStatus(tab.status)}
          >
            {tab.title}
          </Text>
        ))}
      </View>
      <PagedSection
        list={list}
        emptyTitle="还没有佣金"
        emptyDescription="分享商品给好友，好友下单后佣金会显示在这里"
        emptyAction={{ text: '去选推广素材', onAction: () => navigateTo(PROMOTER_ROUTES.materials) }}
        renderItem={(r) => <CommissionRow key={r.id} record={r} />}
      />
    </View>
  );
}
