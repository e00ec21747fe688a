import { CustomWrapper, View } from '@tarojs/components';
import { cardPromotionTags, type ProductSummaryDto } from '@tidepool/shared';
import { usePromotions } from '@/hooks/use-promotions';
import { ProductCard } from '../product-card';
import './index.scss';

export interface ProductGridProps {
  products: ProductSummaryDto[];
  layout?: 'grid' | 'row';
  onTapProduct?: (product: ProductSummaryDto) => void;
}

/**
 * A long product list. Wrapped in CustomWrapper so that, on weapp, appending a page re-renders this subtree
 * with a local setData instead of diffing the whole page.
 */
export function ProductGrid({ products, layout = 'grid', onTapProduct }: ProductGridProps) {
  const promotions = usePromotions();
  return (
    <CustomWrapper>
      <View className={`product-grid product-grid--${layout}`}>
        {products.map((product) => (
          <View className="product-grid__cell" key={product.id}>
            <ProductCard
              product={product}
              layout={layout}
              onTap={onTapProduct}
              tags={promotions ? cardPromotionTags(product.promotionTags ?? [], promotions.view, promotions.tier) : []}
            />
          </View>
        ))}
      </View>
    </CustomWrapper>
  );
}
