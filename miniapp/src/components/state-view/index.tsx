import { Text, View } from '@tarojs/components';
import type { ApiError } from '@/services/api-error';
import './index.scss';

export interface LoadingStateProps {
  /** Skeleton shape; 'text' shows the spinner text only. */
  variant?: 'grid' | 'list' | 'detail' | 'text';
  text?: string;
}

export function LoadingState({ variant = 'text', text = '加载中…' }: LoadingStateProps) {
  return (
    <View className={`state state-loading state-loading--${variant}`}>
      {variant === 'grid' ? (
        <View className="skeleton-grid">
          {[0, 1, 2, 3].map((i) => (
            <View className="skeleton-grid__card" key={i}>
              <View className="skeleton skeleton-grid__cover" />
              <View className="skeleton skeleton-line" />
              <View className="skeleton skeleton-line skeleton-line--short" />
            </View>
          ))}
        </View>
      ) : null}
      {variant === 'list' ? (
        <View className="skeleton-list">
          {[0, 1, 2].map((i) => (
            <View className="skeleton-list__row" key={i}>
              <View className="skeleton skeleton-list__cover" />
              <View className="skeleton-list__text">
                <View className="skeleton skeleton-line" />
                <View className="skeleton skeleton-line skeleton-line--short" />
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {variant === 'detail' ? (
        <View className="skeleton-detail">
          <View className="skeleton skeleton-detail__media" />
          <View className="skeleton skeleton-line skeleton-line--price" />
          <View className="skeleton skeleton-line" />
          <View className="skeleton skeleton-line skeleton-line--short" />
        </View>
      ) : null}
      <Text className="state__text state-loading__text">{text}</Text>
    </View>
  );
}

export interface EmptyStateProps {
  title?: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title = '暂无商品', description, actionText, onAction }: EmptyStateProps) {
  return (
    <View className="state state-empty">
      <View className="state__icon state__icon--empty" />
      <Text className="state__title state-empty__title">{title}</Text>
      {description ? <Text className="state__text">{description}</Text> : null}
      {actionText && onAction ? (
        <View className="btn btn--primary state__action state-empty__action" onClick={onAction}>
          {actionText}
        </View>
      ) : null}
    </View>
  );
}

export interface ErrorStateProps {
  error: ApiError;
  onRetry: () => void;
  /** Smaller, inline variant for a section of a page. */
  compact?: boolean;
}

export function ErrorState({ error, onRetry, compact = false }: ErrorStateProps) {
  return (
    <View className={`state state-error ${compact ? 'state--compact' : ''}`}>
      {compact ? null : <View className="state__icon state__icon--error" />}
      {error.code === 'NETWORK_ERROR' ? (
        // No answer at all (offline, server unreachable): say so plainly, then what to do.
        <>
          <Text className="state__title state-error__message">网络不给力</Text>
          <Text className="state__text">请检查网络后重试</Text>
        </>
      ) : (
        <Text className="state__title state-error__message">{error.message}</Text>
      )}
      <View className="btn btn--ghost btn--small state__action retry-button" onClick={onRetry}>
        重试
      </View>
    </View>
  );
}
