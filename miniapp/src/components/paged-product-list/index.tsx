import type { ProductSummaryDto } from '@tidepool/shared';
import type { UsePagedListResult } from '@/hooks/use-paged-list';
import { ListFooter } from '../list-footer';
import { ProductGrid } from '../product-grid';
import { EmptyState, ErrorState, LoadingState } from '../state-view';

export interface PagedProductListProps {
  list: UsePagedListResult<ProductSummaryDto>;
  layout?: 'grid' | 'row';
  emptyDescription?: string;
  onTapProduct?: (product: ProductSummaryDto) => void;
}

/** A paginated product list with its loading, error (重试), empty and "load more" states. */
export function PagedProductList({ list, layout = 'grid', emptyDescription, onTapProduct }: PagedProductListProps) {
  if (list.initialLoading) return <LoadingState variant={layout === 'grid' ? 'grid' : 'list'} />;
  if (list.error) return <ErrorState error={list.error} onRetry={() => void list.retry()} />;
  if (list.items.length === 0) return <EmptyState title="暂无商品" description={emptyDescription} />;
  return (
    <>
      <ProductGrid products={list.items} layout={layout} onTapProduct={onTapProduct} />
      <ListFooter
        hasMore={list.hasMore}
        loadingMore={list.loadingMore}
        error={list.moreError}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}
