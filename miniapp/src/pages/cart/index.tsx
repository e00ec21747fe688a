import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { type CartLineDto, formatFen, itemPromotionTags, memberDayTag, type PromotionTag } from '@tidepool/shared';
import { Price } from '@/components/price';
import { PromotionTags } from '@/components/promotion-tags';
import { usePromotions } from '@/hooks/use-promotions';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-view';
import { resolveAssetUrl } from '@/services/asset-url';
import { applyCartBadge } from '@/services/cart-sync';
import { ensureMemberLogin } from '@/services/session';
import { toApiError } from '@/services/api-error';
import { useAppStore } from '@/stores';
import { selectCartBadgeCount } from '@/stores/cart.slice';
import { openProduct, ROUTES, switchTab } from '@/utils/routes';
import { describeSpecs } from '@/utils/specs';
import { toast } from '@/utils/toast';
import {
  appHasPage,
  availabilityText,
  checkoutItems,
  checkoutUrl,
  isSelectable,
  selectAllTarget,
  stepperLimits,
} from './cart-model';
import { useCart } from './use-cart';
import { colors } from '@/styles/tokens';
import { usePullDownReload } from '@/hooks/use-page-refresh';
import './index.scss';

/**
 * H5: the tab bar is part of the page layout (50 CSS px, Taro's --taro-tabbar-height), so the fixed bar sits on
 * top of it. Set inline: Taro's px-to-rem transform would rewrite it in a style sheet.
 */
const BAR_STYLE = process.env.TARO_ENV === 'h5' ? { bottom: 'calc(50px + env(safe-area-inset-bottom))' } : undefined;

export default function CartPage() {
  const { load, isMember, busy, reload, setQuantity, remove, select } = useCart();
  const [checkingOut, setCheckingOut] = useState(false);
  const shownOnce = useRef(false);
  const promotions = usePromotions();
  const memberDay = promotions ? memberDayTag(promotions.view.memberDay, promotions.tier) : null;

  // Back on the tab: prices and stock may have moved, and the badge may need applying (weapp sets it only here).
  useDidShow(() => {
    applyCartBadge(selectCartBadgeCount(useAppStore.getState()));
    if (shownOnce.current) void reload();
    shownOnce.current = true;
  });
  usePullDownReload(reload);

  const view = load.view;
  if (!view) {
    return (
      <View className="cart-page cart-page--state">
        {load.status === 'error' ? (
          <ErrorState error={load.error} onRetry={() => void reload()} />
        ) : (
          <LoadingState variant="list" />
        )}
      </View>
    );
  }

  if (view.lines.length === 0) {
    return (
      <View className="cart-page cart-page--state">
        <View className="cart-empty">
          <EmptyState
            title="购物车还是空的"
            description="去挑几件喜欢的好物吧"
            actionText="去逛逛"
            onAction={() => switchTab(ROUTES.home)}
          />
        </View>
      </View>
    );
  }

  const confirmRemove = async (line: CartLineDto) => {
    const { confirm } = await Taro.showModal({
      title: '删除商品',
      content: `确定将「${line.productName}」移出购物车吗？`,
      confirmText: '删除',
      confirmColor: colors.danger,
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }));
    if (confirm) await remove(line.skuId);
  };

  const goCheckout = async () => {
    const items = checkoutItems(view);
    if (items.length === 0) {
      toast('请先勾选要结算的商品');
      return;
    }
    if (checkingOut) return;
    setCheckingOut(true);
    try {
      // Checkout is for members: a guest logs in here, and the login merges the cart first.
      if (!isMember) await ensureMemberLogin();
    } catch (error) {
      toast(toApiError(error).message);
      setCheckingOut(false);
      return;
    }
    try {
      const url = checkoutUrl(items);
      if (!appHasPage(url)) throw new Error(`no page ${url}`);
      await Taro.navigateTo({ url });
    } catch {
      // The checkout page ships in its own subpackage; until it is there, say so rather than fail silently.
      toast('结算功能即将上线');
    } finally {
      setCheckingOut(false);
    }
  };

  const selectAll = selectAllTarget(view);

  return (
    <View className="cart-page">
      <View className="cart-header">
        <Text className="cart-header__title">
          共 <Text className="cart-total-quantity">{view.totalQuantity}</Text> 件商品
        </Text>
        {load.status === 'loading' ? <Text className="cart-header__hint">更新中…</Text> : null}
        {load.status === 'error' ? (
          <Text className="cart-header__hint cart-header__hint--error" onClick={() => void reload()}>
            {load.error.message}，点此重试
          </Text>
        ) : null}
      </View>

      {memberDay && view.lines.length > 0 ? (
        <View className="cart-promo member-day-hint">
          <PromotionTags tags={[memberDay]} variant="hint" />
        </View>
      ) : null}

      <View className="cart-lines">
        {view.lines.map((line) => (
          <CartLineRow
            key={line.skuId}
            line={line}
            tags={promotions ? itemPromotionTags(line.promotionTags ?? [], promotions.view.itemPromotions) : []}
            busy={busy.has(line.skuId)}
            onToggle={() => void select([line.skuId], !line.selected)}
            onQuantity={(quantity) => void setQuantity(line.skuId, quantity)}
            onRemove={() => void confirmRemove(line)}
            onOpen={() => openProduct(line.productId)}
          />
        ))}
      </View>

      <View className="cart-bar" style={BAR_STYLE}>
        <View className="cart-bar__all select-all" onClick={() => void select(selectAll.skuIds, selectAll.selected)}>
          <CheckCircle checked={view.allSelected} />
          <Text className="cart-bar__all-text">全选</Text>
        </View>
        <View className="cart-bar__sum">
          <View className="cart-bar__sum-row">
            <Text className="cart-bar__sum-label">合计：</Text>
            <Text className="cart-bar__sum-value cart-subtotal">{formatFen(view.selectedSubtotalFen)}</Text>
          </View>
          <Text className="cart-bar__sum-note">不含会员日及优惠券优惠</Text>
        </View>
        <View
          className={`btn btn--primary cart-bar__checkout checkout-button ${
            view.selectedQuantity === 0 ? 'btn--disabled' : ''
          }`}
          onClick={() => void goCheckout()}
        >
          去结算{view.selectedQuantity > 0 ? `(${view.selectedQuantity})` : ''}
        </View>
      </View>
    </View>
  );
}

interface CheckCircleProps {
  checked: boolean;
  disabled?: boolean;
}

function CheckCircle({ checked, disabled = false }: CheckCircleProps) {
  return (
    <View
      className={`check-circle ${checked ? 'check-circle--checked' : ''} ${disabled ? 'check-circle--disabled' : ''}`}
    >
      {checked ? <View className="check-circle__mark" /> : null}
    </View>
  );
}

interface CartLineRowProps {
  line: CartLineDto;
  /** Item promotions of the line (2件79折), from checkout's rules. */
  tags: readonly PromotionTag[];
  busy: boolean;
  onToggle: () => void;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  onOpen: () => void;
}

function CartLineRow({ line, tags, busy, onToggle, onQuantity, onRemove, onOpen }: CartLineRowProps) {
  const problem = availabilityText(line);
  const selectable = isSelectable(line);
  const { canDecrease, canIncrease, max } = stepperLimits(line);
  const dead = line.availability === 'OFF_SHELF' || line.availability === 'OUT_OF_STOCK';

  return (
    <View
      className={`cart-line ${dead ? 'cart-line--invalid' : ''} ${busy ? 'cart-line--busy' : ''}`}
      data-sku-id={line.skuId}
    >
      <View className="cart-line__check line-check" onClick={() => selectable && !busy && onToggle()}>
        <CheckCircle checked={line.selected && selectable} disabled={!selectable} />
      </View>
      <Image
        className="cart-line__cover"
        src={resolveAssetUrl(line.coverUrl)}
        mode="aspectFill"
        lazyLoad
        onClick={onOpen}
      />
      <View className="cart-line__body">
        <View className="cart-line__top">
          <Text className="cart-line__name line-name" onClick={onOpen}>
            {line.productName}
          </Text>
          <Text className="cart-line__delete line-delete" onClick={() => !busy && onRemove()}>
            删除
          </Text>
        </View>
        <Text className="cart-line__specs line-specs">{describeSpecs(line.specs)}</Text>
        <PromotionTags tags={tags} className="cart-line__tags" />
        {problem ? <Text className="cart-line__problem line-problem">{problem}</Text> : null}
        <View className="cart-line__bottom">
          <Price fen={line.priceFen} size="sm" className="line-price" />
          {dead ? (
            <Text className="cart-line__qty-dead">×{line.quantity}</Text>
          ) : (
            <View className="stepper">
              <View
                className={`stepper__btn stepper-minus ${canDecrease && !busy ? '' : 'stepper__btn--disabled'}`}
                onClick={() => canDecrease && !busy && onQuantity(line.quantity - 1)}
              >
                −
              </View>
              <Text className="stepper__value line-quantity">{line.quantity}</Text>
              <View
                className={`stepper__btn stepper-plus ${canIncrease && !busy ? '' : 'stepper__btn--disabled'}`}
                onClick={() => {
                  if (busy) return;
                  if (canIncrease) onQuantity(line.quantity + 1);
                  else if (line.quantity >= max)
                    toast(max === 99 ? '每件商品最多购买 99 件' : `库存仅剩 ${line.stock} 件`);
                }}
              >
                +
              </View>
            </View>
          )}
        </View>
      </View>
    </View>
  );
}
