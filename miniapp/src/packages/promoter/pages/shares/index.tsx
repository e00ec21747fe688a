import { Text, View } from '@tarojs/components';
import type { ShareFunnelView, ShareTargetType } from '@tidepool/shared';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { listShareFunnels } from '@/services/distribution.api';
import { formatDate } from '@/utils/date';
import { navigateTo } from '@/utils/routes';
import { AmountCell, PagedSection } from '../../components';
import { hashKey, withIds } from '../../paged';
import { conversionText, yuan } from '../../promoter-text';
import '../../promoter.scss';

const TARGET_LABELS: Record<ShareTargetType, string> = { PRODUCT: '商品', DROP: '团购', STORE: '店铺' };

function FunnelRow({ share: s }: { share: ShareFunnelView }) {
  return (
    <View className="promoter-row share-row">
      <View className="promoter-row__head">
        <View className="promoter-row__main">
          <Text className="promoter-row__title share-title">{s.title}</Text>
          <Text className="promoter-row__meta">{`${TARGET_LABELS[s.targetType]} · ${formatDate(s.createdAt)} 首次分享`}</Text>
        </View>
        <AmountCell amount={yuan(s.commissionFen)} label="佣金" className="share-commission" />
      </View>
      <View className="promoter-funnel">
        <View className="promoter-funnel__step">
          <Text className="promoter-funnel__value share-views">{s.views}</Text>
          <Text className="promoter-funnel__label">{`浏览（${s.visitors} 人）`}</Text>
        </View>
        <Text className="promoter-funnel__arrow">›</Text>
        <View className="promoter-funnel__step">
          <Text className="promoter-funnel__value share-orders">{s.orders}</Text>
          <Text className="promoter-funnel__label">{`下单（${conversionText(s.orders, s.visitors)}）`}</Text>
        </View>
        <Text className="promoter-funnel__arrow">›</Text>
        <View className="promoter-funnel__step">
          <Text className="promoter-funnel__value share-paid">{yuan(s.paidFen)}</Text>
          <Text className="promoter-funnel__label">支付金额</Text>
        </View>
      </View>
    </View>
  );
}

/** 推广效果: for each share, 浏览 → 下单 → 支付金额, and the commission it earned. */
export default function SharesPage() {
  const list = usePagedList((page) => listShareFunnels(page).then((p) => withIds(p, (s) => hashKey(s.token))), []);
  useListPageGestures(list);

  return (
    <View className="promoter-page shares-page">
      <PagedSection
        list={list}
        emptyTitle="还没有分享记录"
        emptyDescription="分享商品卡片或海报后，每次分享的浏览、下单和成交会显示在这里"
        emptyAction={{ text: '去选推广素材', onAction: () => navigateTo(PROMOTER_ROUTES.materials) }}
        renderItem={(s) => <FunnelRow key={s.id} share={s} />}
      />
    </View>
  );
}
