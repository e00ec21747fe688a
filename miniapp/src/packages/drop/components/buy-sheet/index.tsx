import { Image, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import {
  fen,
  formatFen,
  type DropItemView,
  type DropView,
  type Fulfilment,
  type ShippingAddress,
} from '@tidepool/shared';
import { resolveAssetUrl } from '@/services/asset-url';
import { createDropOrder } from '@/services/drops.api';
import { navigateTo, orderDetailUrl } from '@/utils/routes';
import { toast } from '@/utils/toast';
import { EMPTY_ADDRESS, firstAddressError, normalizeAddress, validateAddress } from '@/utils/address';
import { AddressForm } from '@/components/address-form';
import { PICKUP_STORES } from '@/utils/pickup-stores';
import { submitDropOrder, type DropAttempt } from '../../drop-attempt';
import { clampQuantity, maxBuyable, refusalView, type RefusalView } from '../../drop-rules';

const FULFILMENTS: readonly { key: Fulfilment; label: string }[] = [
  { key: 'PICKUP', label: '到店自提' },
  { key: 'SHIP', label: '快递配送' },
];

export interface BuySheetProps {
  drop: DropView;
  item: DropItemView;
  serverNowMs: number;
  onClose: () => void;
  /** The server refused: the page reloads the drop or sends a visitor to signup. */
  onRefused: (then: RefusalView['then']) => void;
}

/** 确认抢购: quantity within the limit, 到店自提 or 快递, then the ordinary order page to pay. */
export function BuySheet({ drop, item, serverNowMs, onClose, onRefused }: BuySheetProps) {
  const max = maxBuyable(item);
  const [quantity, setQuantity] = useState(() => clampQuantity(1, max));
  const [fulfilment, setFulfilment] = useState<Fulfilment>('PICKUP');
  const [pickupStoreId, setPickupStoreId] = useState(PICKUP_STORES[0].id);
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [showErrors, setShowErrors] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; hint?: string; uncertain: boolean } | null>(null);
  const pending = useRef<DropAttempt | null>(null);
  const [retrying, setRetrying] = useState(false);
  const locked = submitting || retrying;
  const qty = clampQuantity(quantity, max);

  const submit = async () => {
    if (submitting) return;
    if (!pending.current && fulfilment === 'SHIP') {
      const problem = firstAddressError(validateAddress(address));
      if (problem) {
        setShowErrors(true);
        toast(problem);
        return;
      }
    }
    if (!pending.current && qty <= 0) return;
    setSubmitting(true);
    setNotice(null);
    const result = await submitDropOrder(
      pending.current,
      drop.id,
      {
        dropItemId: item.id,
        quantity: qty,
        fulfilment,
        ...(fulfilment === 'SHIP' ? { address: normalizeAddress(address) } : { pickupStoreId }),
      },
      createDropOrder,
    );
    pending.current = result.pending;
    setRetrying(result.pending !== null);
    setSubmitting(false);
    if (result.ok) {
      toast('抢购成功，请尽快付款');
      onClose();
      navigateTo(orderDetailUrl(result.value.id));
      return;
    }
    if (result.uncertain) {
      setNotice({ text: '网络异常，订单可能已提交，请重试（不会重复下单）', uncertain: true });
      return;
    }
    const view = refusalView(result.error, serverNowMs);
    // A visitor gets the page's 成为会员 dialog instead, which says the same.
    if (view.then !== 'signup') toast(view.hint ? `${view.message}，${view.hint}` : view.message);
    if (view.then === 'stay') setNotice({ text: view.message, hint: view.hint, uncertain: false });
    else onRefused(view.then);
  };

  return (
    <View className="drop-sheet buy-sheet" catchMove>
      <View className="drop-sheet__mask" onClick={() => !locked && onClose()} />
      <View className="drop-sheet__body">
        <View className="drop-sheet__head">
          <Text className="drop-sheet__title">确认抢购</Text>
          <Text className="drop-sheet__close" onClick={() => !locked && onClose()}>
            ×
          </Text>
        </View>
        <View className="drop-sheet__item">
          <Image className="drop-sheet__img" src={resolveAssetUrl(item.imageUrl)} mode="aspectFill" />
          <View className="drop-sheet__item-main">
            <Text className="drop-sheet__name">{item.productName}</Text>
            {item.specText ? <Text className="drop-sheet__spec">{item.specText}</Text> : null}
            <Text className="drop-sheet__price">{formatFen(fen(item.dropPriceFen))}</Text>
          </View>
        </View>

        <View className="drop-sheet__row">
          <View className="drop-sheet__row-label">
            <Text>购买数量</Text>
            <Text className="drop-sheet__row-note">{`每人限购 ${item.perMemberLimit} 件${item.myQuantity > 0 ? `，已购 ${item.myQuantity} 件` : ''}`}</Text>
          </View>
          <View className="stepper">
            <Text
              className={`stepper__btn stepper-minus ${qty <= 1 || locked ? 'stepper__btn--off' : ''}`}
              onClick={() => !locked && setQuantity(clampQuantity(qty - 1, max))}
            >
              −
            </Text>
            <Text className="stepper__value buy-quantity">{qty}</Text>
            <Text
              className={`stepper__btn stepper-plus ${qty >= max || locked ? 'stepper__btn--off' : ''}`}
              onClick={() => {
                if (locked) return;
                if (qty >= max) toast(`最多可购 ${max} 件`);
                else setQuantity(clampQuantity(qty + 1, max));
              }}
            >
              +
            </Text>
          </View>
        </View>

        <View className="drop-fulfilment">
          {FULFILMENTS.map((f) => (
            <View
              key={f.key}
              className={`drop-fulfilment__tab fulfilment-tab ${f.key === fulfilment ? 'drop-fulfilment__tab--active fulfilment-tab--active' : ''}`}
              onClick={() => !locked && setFulfilment(f.key)}
            >
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>

        <View className="drop-sheet__scroll">
          {fulfilment === 'PICKUP' ? (
            <View className="drop-stores">
              {PICKUP_STORES.map((store) => {
                const on = store.id === pickupStoreId;
                return (
                  <View
                    key={store.id}
                    className={`drop-store pickup-store ${on ? 'drop-store--on pickup-store--selected' : ''}`}
                    onClick={() => !locked && setPickupStoreId(store.id)}
                  >
                    <View className="drop-store__text">
                      <Text className="drop-store__name">{store.name}</Text>
                      <Text className="drop-store__address">{store.address}</Text>
                    </View>
                    <Text className={`drop-store__check ${on ? 'drop-store__check--on' : ''}`}>{on ? '✓' : ''}</Text>
                  </View>
                );
              })}
            </View>
          ) : (
            <View className="drop-address">
              <AddressForm
                value={address}
                onChange={setAddress}
                errors={showErrors ? validateAddress(address) : {}}
                disabled={locked}
              />
            </View>
          )}
        </View>

        {notice ? (
          <View className={`drop-notice ${notice.uncertain ? 'drop-notice--uncertain' : ''}`}>
            <Text className="drop-notice__text buy-error">{notice.text}</Text>
            {notice.hint ? <Text className="drop-notice__hint">{notice.hint}</Text> : null}
          </View>
        ) : null}

        <View className="drop-sheet__foot">
          <View className="drop-sheet__sum">
            <Text className="drop-sheet__sum-label">合计</Text>
            <Text className="drop-sheet__sum-value buy-total">{formatFen(fen(item.dropPriceFen * qty))}</Text>
          </View>
          <View
            className={`btn btn--primary drop-sheet__submit submit-drop-order ${submitting || qty <= 0 ? 'btn--disabled' : ''}`}
            onClick={() => void submit()}
          >
            {submitting ? '提交中…' : retrying ? '重新提交' : '提交订单'}
          </View>
        </View>
      </View>
    </View>
  );
}
