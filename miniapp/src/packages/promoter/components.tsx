import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { PROMOTER_ROUTES } from '@/components/share/promoter-routes';
import { EmptyState, ErrorState } from '@/components/state-view';
import type { UsePagedListResult } from '@/hooks/use-paged-list';
import type { ApiError } from '@/services/api-error';
import { redirectTo } from '@/utils/routes';
import type { Tone } from './promoter-text';
import { PagedList } from '@/components/paged-list';

/** An error of a promoter-center view: "not a promoter" leads to 申请成为推手 instead of a retry. */
export function PromoterError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.code === 'PROMOTER_NOT_APPROVED') {
    return (
      <EmptyState
        title="你还不是推手"
        description="申请成为推手后，分享好物即可赚取佣金"
        actionText="申请成为推手"
        onAction={() => redirectTo(PROMOTER_ROUTES.apply)}
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

export function Badge({ text, tone, className = '' }: { text: string; tone: Tone; className?: string }) {
  return <Text className={`promoter-badge promoter-badge--${tone} ${className}`.trim()}>{text}</Text>;
}

export interface PagedSectionProps<T extends { id: number }> {
  list: UsePagedListResult<T>;
  emptyTitle: string;
  emptyDescription?: string;
  emptyAction?: { text: string; onAction: () => void };
  renderItem: (item: T) => ReactNode;
}

/** A paged list with its loading, empty and error states and the 加载更多 footer. */
export function PagedSection<T extends { id: number }>({
  list,
  emptyTitle,
  emptyDescription,
  emptyAction,
  renderItem,
}: PagedSectionProps<T>) {
  return (
    <View className="promoter-list">
      <PagedList
        list={list}
        empty={{
          title: emptyTitle,
          description: emptyDescription,
          actionText: emptyAction?.text,
          onAction: emptyAction?.onAction,
        }}
        renderItem={renderItem}
        renderError={(error, retry) => <PromoterError error={error} onRetry={retry} />}
      />
    </View>
  );
}

/** An amount at the right of a row, with what it is under it (佣金, 团队佣金). */
export function AmountCell({ amount, label, className = '' }: { amount: string; label: string; className?: string }) {
  return (
    <View className="promoter-amount">
      <Text className={`promoter-row__amount ${className}`.trim()}>{amount}</Text>
      <Text className="promoter-amount__label">{label}</Text>
    </View>
  );
}
