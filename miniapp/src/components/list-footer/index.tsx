import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/services/api-error';
import './index.scss';

export interface ListFooterProps {
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  onLoadMore: () => void;
}

/** The end of a paged list: "加载中…", a "加载更多" button, the next page's error, or "没有更多了". */
export function ListFooter({ hasMore, loadingMore, error, onLoadMore }: ListFooterProps) {
  if (loadingMore) {
    return (
      <View className="list-footer list-footer--loading">
        <Text>加载中…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className="list-footer list-footer--error" onClick={onLoadMore}>
        <Text>{error.message}</Text>
        <Text className="list-footer__action retry-button">重试</Text>
      </View>
    );
  }
  if (hasMore) {
    return (
      <View className="list-footer list-footer--more load-more" onClick={onLoadMore}>
        <Text className="list-footer__action">加载更多</Text>
      </View>
    );
  }
  return (
    <View className="list-footer list-footer--end">
      <Text>— 没有更多了 —</Text>
    </View>
  );
}
