import { useCallback } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { CategoryDto, ProductSummaryDto } from '@tidepool/shared';
import { PagedProductList } from '@/components/paged-product-list';
import { SearchEntry } from '@/components/search-bar';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { useAsync } from '@/hooks/use-async';
import { usePagedList } from '@/hooks/use-paged-list';
import { listCategories, listProducts } from '@/services/api/catalog.api';
import { useAppStore } from '@/stores';
import { selectSelectCategory, selectSelectedCategoryId } from '@/stores/selectors';
import { openProduct } from '@/utils/routes';
import { toast } from '@/utils/toast';
import './index.scss';

const CATEGORY_PAGE_SIZE = 20;

export default function CategoryPage() {
  const categories = useAsync(listCategories, []);
  const selectedId = useAppStore(selectSelectedCategoryId);
  const selectCategory = useAppStore(selectSelectCategory);

  const list = categories.state.data;
  if (categories.state.status === 'error' && !list) {
    return (
      <View className="category-page category-page--state">
        <ErrorState error={categories.state.error} onRetry={() => void categories.reload()} />
      </View>
    );
  }
  if (!list) {
    return (
      <View className="category-page category-page--state">
        <LoadingState variant="text" />
      </View>
    );
  }
  if (list.length === 0) {
    return (
      <View className="category-page category-page--state">
        <EmptyState title="暂无分类" description="店长正在整理货架，晚点再来看看" />
      </View>
    );
  }

  // A stale selection (category removed) falls back to the first one.
  const active = list.find((c) => c.id === selectedId) ?? list[0];

  return (
    <View className="category-page">
      <SearchEntry className="category-search" />
      <View className="category-body">
        <ScrollView className="category-sidebar" scrollY enhanced showScrollbar={false}>
          {list.map((category: CategoryDto) => (
            <View
              key={category.id}
              className={`category-tab ${category.id === active.id ? 'category-tab--active' : ''}`}
              onClick={() => selectCategory(category.id)}
            >
              <Text className="category-tab__name">{category.name}</Text>
            </View>
          ))}
        </ScrollView>
        <CategoryProducts key={active.id} category={active} />
      </View>
    </View>
  );
}

interface CategoryProductsProps {
  category: CategoryDto;
}

function CategoryProducts({ category }: CategoryProductsProps) {
  const products = usePagedList(
    (page) => listProducts({ categoryId: category.id, page, pageSize: CATEGORY_PAGE_SIZE }),
    [category.id],
  );
  const onTapProduct = useCallback((product: ProductSummaryDto) => openProduct(product.id), []);

  return (
    <ScrollView
      className="category-products"
      scrollY
      lowerThreshold={120}
      refresherEnabled
      refresherTriggered={products.refreshing}
      onRefresherRefresh={() => {
        void products.refresh().then((error) => {
          if (error) toast(error.message);
        });
      }}
      onScrollToLower={() => void products.loadMore()}
    >
      <View className="category-products__inner">
        <View className="category-products__header">
          <Text className="category-products__title">{category.name}</Text>
          {products.total > 0 ? <Text className="category-products__count">{products.total} 件商品</Text> : null}
        </View>
        <PagedProductList
          list={products}
          layout="row"
          emptyDescription="这个分类还没有上架商品"
          onTapProduct={onTapProduct}
        />
      </View>
    </ScrollView>
  );
}
