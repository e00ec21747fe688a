import { Text, View } from '@tarojs/components';
import type { PromotionTag } from '@tidepool/shared';
import './index.scss';

export interface PromotionTagsProps {
  tags: readonly PromotionTag[];
  /** 'badge': small labels (cards, cart lines); 'hint': one line per tag with how it is earned (product page). */
  variant?: 'badge' | 'hint';
  className?: string;
}

/** Promotion tags derived from checkout's own rules (shared/rules/pricing/promotion-tags.ts). */
export function PromotionTags({ tags, variant = 'badge', className = '' }: PromotionTagsProps) {
  if (tags.length === 0) return null;
  if (variant === 'hint') {
    return (
      <View className={`promo-hints ${className}`}>
        {tags.map((tag) => (
          <View className="promo-hint" key={tag.key} data-promotion={tag.key}>
            <Text className={`promo-tag promo-tag--${tag.kind.toLowerCase()}`}>{tag.label}</Text>
            <Text className="promo-hint__text">{tag.hint}</Text>
          </View>
        ))}
      </View>
    );
  }
  return (
    <View className={`promo-tags ${className}`}>
      {tags.map((tag) => (
        <Text className={`promo-tag promo-tag--${tag.kind.toLowerCase()}`} key={tag.key} data-promotion={tag.key}>
          {tag.label}
        </Text>
      ))}
    </View>
  );
}
