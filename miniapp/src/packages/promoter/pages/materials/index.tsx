import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MaterialView } from '@tidepool/shared';
import { posterUrl } from '@/components/share/promoter-routes';
import { useListPageGestures, usePagedList } from '@/hooks/use-paged-list';
import { resolveAssetUrl } from '@/services/asset-url';
import { listMaterials } from '@/services/distribution.api';
import { navigateTo, productDetailUrl, switchTab, ROUTES } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { PagedSection } from '../../components';
import { withIds } from '../../paged';
import { formatRate, yuan } from '../../promoter-text';
import '../../promoter.scss';
import './index.scss';

function copyText(text: string): void {
  Taro.setClipboardData({ data: text })
    .then(() => toast('文案已复制'))
    .catch(() => toast('复制失败，请长按文案复制'));
}

function MaterialCard({ material: m }: { material: MaterialView }) {
  return (
    <View className="promoter-row material-card">
      <View className="promoter-row__head">
        <Image className="material-card__image" src={resolveAssetUrl(m.imageUrl)} mode="aspectFill" />
        <View className="promoter-row__main">
          <Text className="promoter-row__title material-name">{m.name}</Text>
          <Text className="promoter-row__meta">{`${yuan(m.priceFen)} 起 · 佣金 ${formatRate(m.rateBp)}`}</Text>
          <Text className="material-card__earn material-earn">{`每单预计赚 ${yuan(m.estimatedCommissionFen)}`}</Text>
        </View>
      </View>
      {m.copies.map((copy, index) => (
        <View className="material-card__copy" key={index}>
          <Text className="material-card__copy-text material-copy" selectable>
            {copy}
          </Text>
          <Text className="material-card__copy-action" onClick={() => copyText(copy)}>
            复制
          </Text>
        </View>
      ))}
      <View className="material-card__actions">
        <View
          className="btn btn--ghost btn--small material-share"
          onClick={() => navigateTo(productDetailUrl(m.productId))}
        >
          分享卡片
        </View>
        <View
          className="btn btn--primary btn--small material-poster"
          onClick={() => navigateTo(posterUrl('PRODUCT', m.productId))}
        >
          生成海报
        </View>
      </View>
    </View>
  );
}

/** 推广素材: the distribution products, with copy to paste, a share card and a poster each. */
export default function MaterialsPage() {
  const list = usePagedList((page) => listMaterials(page).then((p) => withIds(p, (m) => m.productId)), []);
  useListPageGestures(list);

  return (
    <View className="promoter-page materials-page">
      <PagedSection
        list={list}
        emptyTitle="暂无推广商品"
        emptyDescription="运营上架分销商品后会显示在这里"
        emptyAction={{ text: '去逛逛', onAction: () => switchTab(ROUTES.home) }}
        renderItem={(m) => <MaterialCard key={m.id} material={m} />}
      />
    </View>
  );
}
