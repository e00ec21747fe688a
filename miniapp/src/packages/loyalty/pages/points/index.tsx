import { Text, View } from '@tarojs/components';
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { formatPointsRate, POINTS_ENTRY_KIND_LABELS, type PointsHistoryEntry, tierBenefits } from '@tidepool/shared';
import { ListFooter } from '@/components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { getPointsBalance, listPointsHistory } from '@/services/api/loyalty.api';
import { formatDate, formatDateTime } from '@/utils/date';
import { navigateTo, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import '../../loyalty.scss';
import './index.scss';

/** Points expire at the first instant they are no longer usable (local midnight): show the day before it. */
function lastUsableDay(expiresAt: string): string {
  return formatDate(new Date(Date.parse(expiresAt) - 1).toISOString());
}

/** 普卡 1、银卡 1.5、金卡 2: the default rates, from the same table the server applies. */
const RATES = tierBenefits()
  .map((t) => `${t.name} ${formatPointsRate(t.pointsPerYuanTenths)}`)
  .join('、');

function HistoryRow({ entry }: { entry: PointsHistoryEntry }) {
  const plus = entry.points > 0;
  return (
    <View className="history-row points-history-row">
      <View className="history-row__main">
        <Text className="history-row__reason history-reason">{entry.reason}</Text>
        <Text className="history-row__time">{formatDateTime(entry.createdAt)}</Text>
      </View>
      <View className="history-row__side">
        <Text className={`history-row__points history-points history-row__points--${plus ? 'plus' : 'minus'}`}>
          {plus ? `+${entry.points}` : String(entry.points)}
        </Text>
        <Text className="history-row__kind">{POINTS_ENTRY_KIND_LABELS[entry.kind]}</Text>
      </View>
    </View>
  );
}

/** 我的积分: the balance large ("you still have money in the store"), what expires soon, and every change. */
export default function PointsPage() {
  const balance = useAsync(getPointsBalance, []);
  const history = usePagedList((page) => listPointsHistory(page), []);
  const points = balance.state.data;

  usePullDownRefresh(() => {
    void Promise.all([balance.reload(), history.refresh()])
      .then(([, error]) => {
        if (error) toast(error.message);
      })
      .finally(() => void stopPullDownRefresh());
  });
  useReachBottom(() => {
    void history.loadMore();
  });

  return (
    <View className="loyalty-page points-page">
      <View className="loyalty-hero points-hero">
        <Text className="loyalty-hero__label">可用积分</Text>
        <Text className="points-hero__value points-balance">{points ? String(points.available) : '--'}</Text>
        {points && points.debt > 0 ? (
          <Text className="points-hero__debt points-debt">{`另有 ${points.debt} 积分待抵扣：退款扣回的积分将从之后获得的积分中抵扣`}</Text>
        ) : null}
        <View className="points-hero__actions">
          <View
            className="points-hero__btn points-hero__btn--primary mall-link"
            onClick={() => navigateTo(ROUTES.pointsMall)}
          >
            积分兑好礼
          </View>
          <View className="points-hero__btn tier-link" onClick={() => navigateTo(ROUTES.loyaltyTier)}>
            会员等级
          </View>
        </View>
      </View>

      {balance.state.status === 'error' && !points ? (
        <View className="points-page__error">
          <ErrorState error={balance.state.error} onRetry={() => void balance.reload()} compact />
        </View>
      ) : null}

      {points?.expiringSoon ? (
        <View className="points-expiring expiring-soon" onClick={() => navigateTo(ROUTES.pointsMall)}>
          <Text className="points-expiring__badge">即将过期</Text>
          <Text className="points-expiring__text">
            {`${points.expiringSoon.points} 积分将于 ${lastUsableDay(points.expiringSoon.at)} 到期，快去兑换吧`}
          </Text>
          <Text className="points-expiring__arrow">›</Text>
        </View>
      ) : null}

      <View className="panel points-history">
        <Text className="panel__title">积分明细</Text>
        {history.initialLoading ? <LoadingState /> : null}
        {history.error ? <ErrorState error={history.error} onRetry={() => void history.retry()} compact /> : null}
        {!history.initialLoading && !history.error && history.items.length === 0 ? (
          <EmptyState title="还没有积分记录" description="到店或在线购物，每消费 1 元可得 1-2 积分" />
        ) : null}
        {history.items.map((entry) => (
          <HistoryRow key={entry.id} entry={entry} />
        ))}
        {history.items.length > 0 ? (
          <ListFooter
            hasMore={history.hasMore}
            loadingMore={history.loadingMore}
            error={history.moreError}
            onLoadMore={() => void history.loadMore()}
          />
        ) : null}
      </View>

      <Text className="field-note points-page__rules">
        {`积分规则：每消费 1 元得积分（${RATES}），生日当天双倍；积分有效期至获得次年的 12 月 31 日，先到期的先使用。`}
      </Text>
    </View>
  );
}
