import { Image, Text, View } from '@tarojs/components';
import type { PromotionTag, ProductSummaryDto } from '@tidepool/shared';
import { resolveAssetUrl } from '@/services/asset-url';
import { Price } from '../price';
import { PromotionTags } from '../promotion-tags';
import './index.scss';

export interface ProductCardProps {
  product: ProductSummaryDto;
  /** 'grid': two-column card with a square cover; 'row': cover left, text right. */
  layout?: 'grid' | 'row';
  onTap?: (product: ProductSummaryDto) => void;
  /** Promotion tags (from checkout's rules) to show under the name. */
  tags?: readonly PromotionTag[];
}

export function ProductCard({ product, layout = 'grid', onTap, tags = [] }: ProductCardProps) {
  return (
    <View
      className={`product-card product-card--${layout}`}
      data-product-id={product.id}
      hoverClass="product-card--pressed"
      onClick={() => onTap?.(product)}
    >
      <Image
        className="product-card__cover product-cover"
        src={resolveAssetUrl(product.coverUrl)}
        mode="aspectFill"
        lazyLoad
      />
      <View className="product-card__body">
        <Text className="product-card__name product-name">{product.name}</Text>
        {product.subtitle ? <Text className="product-card__subtitle product-subtitle">{product.subtitle}</Text> : null}
        <PromotionTags tags={tags} className="product-card__tags" />
        <View className="product-card__footer">
          <Price
            fen={product.priceFen}
            originalFen={product.originalPriceFen}
            size="sm"
            className="product-price"
            originalClassName="product-original-price"
          />
          {product.sales > 0 ? <Text className="product-card__sales">已售 {product.sales}</Text> : null}
        </View>
      </View>
    </View>
  );
}
