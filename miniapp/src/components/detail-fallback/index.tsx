import { View } from '@tarojs/components';
import type { ErrorCode } from '@tidepool/shared';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import type { AsyncState } from '@/hooks/use-async';

export interface DetailFallbackProps {
  /** The detail's load, before it has data: still loading, or failed. */
  state: AsyncState<unknown>;
  onRetry: () => void;
  /** The page's root classes, the same as when the detail is shown. */
  className: string;
  /** A detail that does not exist cannot come back by retrying: its message and a way elsewhere instead. */
  notFound: { code: ErrorCode; actionText: string; onAction: () => void };
}

/** What a detail page shows until its data is there: the skeleton, or why it failed. */
export function DetailFallback({ state, onRetry, className, notFound }: DetailFallbackProps) {
  const { error } = state;
  return (
    <View className={className}>
      {error === null ? (
        <LoadingState variant="detail" />
      ) : error.code === notFound.code ? (
        <EmptyState title={error.message} actionText={notFound.actionText} onAction={notFound.onAction} />
      ) : (
        <ErrorState error={error} onRetry={onRetry} />
      )}
    </View>
  );
}
