import { useEffect, useMemo, useState } from 'react';
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { fen, formatFen, productPromotionTags, type ProductDetailDto, type SkuDto } from '@tidepool/shared';
import cartIconUrl from '@/assets/tabbar/cart.png';
import { ContactService } from '@/components/contact-service';
import { Price } from '@/components/price';
import { PromotionTags } from '@/components/promotion-tags';
import { QuantityStepper } from '@/components/quantity-stepper';
import { posterUrl } from '@/components/share/promoter-routes';
import { ShareSheet } from '@/components/share/share-sheet';
import { SHARE_PAGES } from '@/components/share/share-path';
import { useReferralShare } from '@/components/share/use-referral-share';
import { useAsync } from '@/hooks/use-async';
import { usePromotions } from '@/hooks/use-promotions';
import { ApiError, toApiError } from '@/services/api-error';
import { addCartItem } from '@/services/api/cart.api';
import { getProduct } from '@/services/api/catalog.api';
import { resolveAssetUrl } from '@/services/asset-url';
import { useAppStore } from '@/stores';
import { MAX_LINE_QUANTITY, selectCartBadgeCount } from '@/stores/cart.slice';
import { navigateTo, openCheckout, ROUTES, switchTab } from '@/utils/routes';
import { describeSpecs } from '@/utils/specs';
import { toast } from '@/utils/toast';
import { colors } from '@/styles/tokens';
import { DetailFallback } from '@/components/detail-fallback';
import './index.scss';

const CART_ICON = cartIconUrl as string;

function addedToast(): void {
  Taro.showToast({ title: '已加入购物车', icon: 'success', duration: 1500 }).catch(() => undefined);
}

function parseProductId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export default function ProductDetailPage() {
  const router = useRouter();
  const productId = parseProductId(router.params.id);
  const detail = useAsync<ProductDetailDto>(
    () => (productId === null ? Promise.reject(new ApiError('PRODUCT_NOT_FOUND', 404)) : getProduct(productId)),
    [productId],
  );

  const product = detail.state.data;
  useEffect(() => {
    if (product) Taro.setNavigationBarTitle({ title: product.name }).catch(() => undefined);
  }, [product]);

  if (!product) {
    return (
      <DetailFallback
        className="detail-page detail-page--state"
        state={detail.state}
        onRetry={() => void detail.reload()}
        notFound={{ code: 'PRODUCT_NOT_FOUND', actionText: '去逛逛', onAction: () => switchTab(ROUTES.home) }}
      />
    );
  }
  return <ProductDetailView product={product} />;
}

interface ProductDetailViewProps {
  product: ProductDetailDto;
}

function ProductDetailView({ product }: ProductDetailViewProps) {
  const [selectedSkuId, setSelectedSkuId] = useState<number | null>(
    () => product.skus.find((sku) => sku.stock > 0)?.id ?? null,
  );
  const selectedSku = product.skus.find((sku) => sku.id === selectedSkuId) ?? null;
  // 数量: 1..min(stock, the per-line limit the order and cart APIs take).
  const [quantity, setQuantity] = useState(1);
  const maxQuantity = selectedSku ? Math.min(selectedSku.stock, MAX_LINE_QUANTITY) : 0;
  const chosenQuantity = Math.max(1, Math.min(quantity, maxQuantity));
  const promotions = usePromotions();
  const promotionTags = promotions
    ? productPromotionTags(product.promotionTags ?? [], promotions.view, promotions.tier)
    : [];
  const images = useMemo(() => {
    const list = product.images.length > 0 ? product.images : [product.coverUrl];
    return list.map((url) => resolveAssetUrl(url)).filter(Boolean);
  }, [product]);
  const soldOut = product.skus.length > 0 && product.skus.every((sku) => sku.stock <= 0);
  const paragraphs = product.description
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

  /** 立即购买: checkout with one of the selected SKU (skipping the cart). */
  const onBuyNow = () => {
    if (soldOut || !selectedSku) return;
    openCheckout([{ skuId: selectedSku.id, quantity: chosenQuantity }]);
  };

  const onTapSku = (sku: SkuDto) => {
    if (sku.stock <= 0) return;
    setSelectedSkuId(sku.id);
  };

  const cartCount = useAppStore(selectCartBadgeCount);
  const [adding, setAdding] = useState(false);

  // 分享: the card carries a promoter's referral token; promoters also get 分享赚 and the poster.
  const share = useReferralShare({
    targetType: 'PRODUCT',
    targetId: product.id,
    pagePath: SHARE_PAGES.PRODUCT,
    params: { id: product.id },
    title: product.name,
    imageUrl: product.coverUrl,
  });
  const [sharing, setSharing] = useState(false);

  /** 加入购物车: a member's cart is on the server, a guest's on the phone (merged at login). */
  const onAddToCart = async () => {
    if (soldOut) {
      toast('商品已售罄');
      return;
    }
    if (!selectedSku) {
      toast('请选择规格');
      return;
    }
    const store = useAppStore.getState();
    if (!store.session.member) {
      const inCart = store.cart.lines.find((line) => line.skuId === selectedSku.id)?.quantity ?? 0;
      if (inCart + chosenQuantity > MAX_LINE_QUANTITY) {
        toast(`每件商品最多购买 ${MAX_LINE_QUANTITY} 件`);
      } else if (inCart + chosenQuantity > selectedSku.stock) {
        toast(`库存不足，最多可购买 ${selectedSku.stock} 件`);
      } else {
        store.addToCart(selectedSku.id, chosenQuantity);
        addedToast();
      }
      return;
    }
    if (adding) return;
    setAdding(true);
    try {
      const view = await addCartItem(selectedSku.id, chosenQuantity);
      useAppStore.getState().setMemberCartCount(view.totalQuantity);
      addedToast();
    } catch (error) {
      toast(toApiError(error).message);
    } finally {
      setAdding(false);
    }
  };

  return (
    <View className="detail-page">
      <Swiper
        className="detail-swiper"
        indicatorDots={images.length > 1}
        indicatorActiveColor={colors.primary}
        circular
      >
        {images.map((src, index) => (
          <SwiperItem key={`${src}-${index}`}>
            <Image className="detail-swiper__img" src={src} mode="aspectFill" />
          </SwiperItem>
        ))}
      </Swiper>

      <View className="detail-card detail-info">
        <Price
          fen={selectedSku ? selectedSku.priceFen : product.priceFen}
          originalFen={product.originalPriceFen}
          size="lg"
          className="detail-price"
          originalClassName="detail-original-price"
        />
        <Text className="detail-name">{product.name}</Text>
        {product.subtitle ? <Text className="detail-subtitle">{product.subtitle}</Text> : null}
        <PromotionTags tags={promotionTags} className="detail-promo-tags" />
        <View className="detail-meta">
          <Text className="detail-meta__item">{product.categoryName}</Text>
          <Text className="detail-meta__item">已售 {product.sales}</Text>
          <Text className="detail-meta__share share-button" onClick={() => setSharing(true)}>
            {share.isPromoter && share.estimatedCommissionFen > 0
              ? `分享赚 ${formatFen(fen(share.estimatedCommissionFen))}`
              : '分享'}
          </Text>
        </View>
      </View>

      {product.skus.length > 0 ? (
        <View className="detail-card detail-skus">
          <Text className="detail-card__title">规格</Text>
          {product.skus.map((sku) => {
            const disabled = sku.stock <= 0;
            const selected = sku.id === selectedSkuId;
            return (
              <View
                key={sku.id}
                className={`sku-item ${selected ? 'sku-item--selected' : ''} ${disabled ? 'sku-item--disabled' : ''}`}
                onClick={() => onTapSku(sku)}
              >
                <Text className="sku-item__specs">{describeSpecs(sku.specs)}</Text>
                <View className="sku-item__side">
                  <Price fen={sku.priceFen} size="sm" className="sku-item__price" />
                  <Text className="sku-item__stock">{disabled ? '已售罄' : `库存 ${sku.stock}`}</Text>
                </View>
              </View>
            );
          })}
          <View className="detail-quantity">
            <Text className="detail-quantity__label">数量</Text>
            {maxQuantity > 0 && maxQuantity < 10 ? (
              <Text className="detail-quantity__hint">仅剩 {maxQuantity} 件</Text>
            ) : null}
            <QuantityStepper
              value={chosenQuantity}
              max={maxQuantity}
              disabled={soldOut || !selectedSku}
              onChange={setQuantity}
              onLimit={(bound) => {
                if (bound === 'min') return;
                toast(
                  maxQuantity >= MAX_LINE_QUANTITY
                    ? `每单最多购买 ${MAX_LINE_QUANTITY} 件`
                    : `库存不足，最多可购买 ${maxQuantity} 件`,
                );
              }}
            />
          </View>
        </View>
      ) : null}

      {promotionTags.length > 0 ? (
        <View className="detail-card detail-promotions">
          <Text className="detail-card__title">优惠</Text>
          <PromotionTags tags={promotionTags} variant="hint" />
        </View>
      ) : null}

      <View className="detail-card detail-description">
        <Text className="detail-card__title">商品详情</Text>
        {paragraphs.length > 0 ? (
          paragraphs.map((p, index) => (
            <Text className="detail-description__text" key={index}>
              {p}
            </Text>
          ))
        ) : (
          <Text className="detail-description__text">暂无详细介绍</Text>
        )}
      </View>

      <ShareSheet
        visible={sharing}
        onClose={() => setSharing(false)}
        path={share.path}
        estimatedCommissionFen={share.isPromoter ? share.estimatedCommissionFen : 0}
        onPoster={
          share.isPromoter
            ? () => {
                setSharing(false);
                navigateTo(posterUrl('PRODUCT', product.id));
              }
            : undefined
        }
      />

      <View className="detail-bar">
        <View className="detail-bar__inner">
          <ContactService className="detail-bar__icon detail-contact">
            <View className="detail-bar__icon-glyph detail-bar__service-glyph">客</View>
            <Text className="detail-bar__icon-text">客服</Text>
          </ContactService>
          <View className="detail-bar__icon cart-shortcut" onClick={() => switchTab(ROUTES.cart)}>
            <View className="detail-bar__icon-glyph">
              <Image className="detail-bar__icon-img" src={CART_ICON} mode="aspectFit" />
              {cartCount > 0 ? (
                <Text className="detail-bar__badge cart-shortcut-count">{cartCount > 99 ? '99+' : cartCount}</Text>
              ) : null}
            </View>
            <Text className="detail-bar__icon-text">购物车</Text>
          </View>
          <View
            className={`btn detail-bar__cart add-to-cart ${soldOut || adding ? 'detail-bar__btn--disabled' : ''}`}
            onClick={() => void onAddToCart()}
          >
            加入购物车
          </View>
          <View
            className={`btn btn--primary detail-bar__buy buy-now ${soldOut ? 'detail-bar__btn--disabled' : ''}`}
            onClick={onBuyNow}
          >
            {soldOut ? '已售罄' : '立即购买'}
          </View>
        </View>
      </View>
    </View>
  );
}
