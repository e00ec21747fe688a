import { useCallback } from 'react';
import { Image, ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { CategoryDto, ProductSummaryDto } from '@tidepool/shared';
import { PagedProductList } from '@/components/paged-product-list';
import { SearchEntry } from '@/components/search-bar';
import { SectionTitle } from '@/components/section-title';
import { ErrorState } from '@/components/state-view';
import { useAsync, type AsyncState } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { listCategories, listProducts } from '@/services/api/catalog.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { useAppStore } from '@/stores';
import { selectSelectCategory } from '@/stores/selectors';
import { openProduct, ROUTES, switchTab } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { DropBanner } from './drop-banner';
import './index.scss';

const HOME_PAGE_SIZE = 10;

export default function HomePage() {
  const categories = useAsync(listCategories, []);
  const products = usePagedList((page) => listProducts({ page, pageSize: HOME_PAGE_SIZE }), []);
  const selectCategory = useAppStore(selectSelectCategory);

  usePullDownRefresh(() => {
    void Promise.all([categories.reload(), products.refresh()]).then(([, error]) => {
      Taro.stopPullDownRefresh();
      if (error) toast(error.message);
    });
  });

  useReachBottom(() => {
    void products.loadMore();
  });

  const onTapCategory = useCallback(
    (category: CategoryDto) => {
      selectCategory(category.id);
      switchTab(ROUTES.category);
    },
    [selectCategory],
  );
  const onTapProduct = useCallback((product: ProductSummaryDto) => openProduct(product.id), []);

  return (
    <View className="home-page">
      <SearchEntry className="home-search" placeholder="搜索香薰、公仔、耳机…" />
      <View className="home-banner">
        <View className="home-banner__glow" />
        <Text className="home-banner__brand">Tidepool 潮汐</Text>
        <Text className="home-banner__title">会员专享 · 好物直送</Text>
        <Text className="home-banner__subtitle">精选日用好物，每周上新</Text>
      </View>

      <View className="home-shortcuts">
        <CategoryShortcuts state={categories.state} onRetry={() => void categories.reload()} onTap={onTapCategory} />
      </View>

      <DropBanner />

      <View className="home-products">
        <SectionTitle title="为你推荐" hint={products.total > 0 ? `共 ${products.total} 件` : undefined} />
        <PagedProductList list={products} emptyDescription="店长正在上新，晚点再来看看" onTapProduct={onTapProduct} />
      </View>
    </View>
  );
}

interface CategoryShortcutsProps {
  state: AsyncState<CategoryDto[]>;
  onRetry: () => void;
  onTap: (category: CategoryDto) => void;
}

function CategoryShortcuts({ state, onRetry, onTap }: CategoryShortcutsProps) {
  if (state.status === 'error' && !state.data) {
    return <ErrorState error={state.error} onRetry={onRetry} compact />;
  }
  if (!state.data) {
    return (
      <View className="shortcut-scroll shortcut-scroll--loading">
        {[0, 1, 2, 3, 4].map((i) => (
          <View className="shortcut" key={i}>
            <View className="shortcut__icon skeleton" />
            <View className="shortcut__label-skeleton skeleton" />
          </View>
        ))}
      </View>
    );
  }
  if (state.data.length === 0) return null;
  return (
    <ScrollView className="shortcut-scroll" scrollX enableFlex showScrollbar={false}>
      {state.data.map((category) => (
        <View className="shortcut category-shortcut" key={category.id} onClick={() => onTap(category)}>
          <View className="shortcut__icon">
            <Image className="shortcut__img" src={resolveAssetUrl(category.iconUrl)} mode="aspectFit" />
          </View>
          <Text className="shortcut__label">{category.name}</Text>
        </View>
      ))}
    </ScrollView>
  );
}
