import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CouponView, ProductSummaryDto } from '@tidepool/shared';
import { couponFace, couponTerms, couponValidity } from '@/components/coupon-card/coupon-text';
import { PagedProductList } from '@/components/paged-product-list';
import { usePagedList } from '@/hooks/use-paged-list';
import { listCouponProducts } from '@/services/api/coupons.api';
import { openProduct } from '@/utils/routes';
import '../../member.scss';
import './index.scss';

const PAGE_SIZE = 10;

function parseId(raw: string | undefined): number {
  return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
}

/** 去使用: the products on sale that a wallet coupon applies to (its scope: everything, categories or products). */
export default function CouponProductsPage() {
  const { params } = useRouter();
  const couponId = parseId(params.couponId);
  const [coupon, setCoupon] = useState<CouponView | null>(null);
  const products = usePagedList(
    async (page) => {
      const answer = await listCouponProducts(couponId, page, PAGE_SIZE);
      setCoupon(answer.coupon);
      return answer;
    },
    [couponId],
  );
  const onTapProduct = useCallback((product: ProductSummaryDto) => openProduct(product.id), []);

  return (
    <View className="member-page coupon-products-page">
      {coupon ? (
        <View className="coupon-products__head">
          <Text className="coupon-products__face">{couponFace(coupon)}</Text>
          <View className="coupon-products__info">
            <Text className="coupon-products__label coupon-products-label">{coupon.name}</Text>
            <Text className="coupon-products__terms">
              {coupon.name === coupon.label ? couponTerms(coupon) : `${coupon.label} · ${couponTerms(coupon)}`}
            </Text>
            <Text className="coupon-products__validity">{couponValidity(coupon)}</Text>
          </View>
        </View>
      ) : null}
      {coupon ? (
        <Text className="coupon-products__count">
          {coupon.scope.kind === 'ALL'
            ? `全场商品可用 · 共 ${products.total} 件`
            : `以下 ${products.total} 件商品可用，加入购物车结算时自动抵扣`}
        </Text>
      ) : null}
      <PagedProductList
        list={products}
        layout="row"
        emptyDescription="这张券适用的商品暂时都已下架"
        onTapProduct={onTapProduct}
      />
    </View>
  );
}
