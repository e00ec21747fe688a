import type { ReactNode } from 'react';
import { CustomWrapper, View } from '@tarojs/components';
import { ListFooter } from '@/components/list-footer';
import { EmptyState, ErrorState, LoadingState, type LoadingStateProps } from '@/components/state-view';
import type { UsePagedListResult } from '@/hooks/use-paged-list';
import type { ApiError } from '@/services/api-error';

export interface PagedListEmpty {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export interface PagedListProps<T extends { id: number }> {
  list: UsePagedListResult<T>;
  /** What an empty first page says. */
  empty: PagedListEmpty;
  renderItem: (item: T) => ReactNode;
  loadingVariant?: LoadingStateProps['variant'];
  /** A first-page error's view; a plain 重试 by default. */
  renderError?: (error: ApiError, retry: () => void) => ReactNode;
  /**
   * Rows inside a CustomWrapper: on weapp, appending a page then updates only the wrapper instead of the whole
   * page's data tree (long order lists).
   */
  wrapRows?: boolean;
  /** Class of the View around the wrapped rows. */
  rowsClassName?: string;
}

/** A paged list's loading, error and empty states, its rows and the 加载更多 footer (no container of its own). */
export function PagedList<T extends { id: number }>({
  list,
  empty,
  renderItem,
  loadingVariant = 'list',
  renderError,
  wrapRows = false,
  rowsClassName,
}: PagedListProps<T>) {
  const retry = () => void list.retry();
  const rows = list.items.map((item) => renderItem(item));
  return (
    <>
      {list.initialLoading ? <LoadingState variant={loadingVariant} /> : null}
      {list.error ? (renderError ?? defaultError)(list.error, retry) : null}
      {!list.initialLoading && !list.error && list.items.length === 0 ? (
        <EmptyState
          title={empty.title}
          description={empty.description}
          actionText={empty.actionText}
          onAction={empty.onAction}
        />
      ) : null}
      {wrapRows && rows.length > 0 ? (
        <CustomWrapper>
          <View className={rowsClassName}>{rows}</View>
        </CustomWrapper>
      ) : (
        rows
      )}
      {list.items.length > 0 ? (
        <ListFooter
          hasMore={list.hasMore}
          loadingMore={list.loadingMore}
          error={list.moreError}
          onLoadMore={() => void list.loadMore()}
        />
      ) : null}
    </>
  );
}

function defaultError(error: ApiError, retry: () => void): ReactNode {
  return <ErrorState error={error} onRetry={retry} />;
}
