import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type AddressView, type ShippingAddress, toShippingAddress } from '@tidepool/shared';
import { listAddresses } from '@/services/api/addresses.api';
import { checkoutAddressChoice, preselectAddress } from '@/services/address-book';
import { navigateTo, ROUTES } from '@/utils/routes';
import type { AddressErrors } from '@/utils/address';
import { AddressForm } from '@/components/address-form';
import './index.scss';

export interface CheckoutAddressProps {
  /** Identifies this checkout (its items): the pick is remembered for it across back/forward. */
  checkoutKey: string;
  value: ShippingAddress;
  onChange: (value: ShippingAddress) => void;
  errors: AddressErrors;
  disabled?: boolean;
}

/**
 * 快递配送's address: the default from the address book (or the one picked for this checkout), with 更换 opening
 * the book; a shopper without saved addresses types one (and may save it to the book from there).
 */
export function CheckoutAddress({ checkoutKey, value, onChange, errors, disabled = false }: CheckoutAddressProps) {
  const [book, setBook] = useState<AddressView[] | null>(null);
  const [picked, setPicked] = useState<AddressView | null>(null);

  const load = useCallback(async () => {
    try {
      const rows = await listAddresses();
      setBook(rows);
      const choice = preselectAddress(rows, checkoutAddressChoice(checkoutKey));
      setPicked(choice);
      if (choice) onChange(toShippingAddress(choice));
    } catch {
      // The book is a convenience: without it the shopper types the address.
      setBook((prev) => prev ?? []);
    }
  }, [checkoutKey, onChange]);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from the book (picked, added or edited an address). This mounts after the quote, so after the page's
  // first show: only a show that follows a hide reloads.
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    void load();
  });

  const openBook = () => {
    if (disabled) return;
    navigateTo(`${ROUTES.addressList}?select=${encodeURIComponent(checkoutKey)}&selected=${picked?.id ?? 0}`);
  };

  if (book === null) return <View className="checkout-address checkout-address--loading">正在读取收货地址…</View>;
  if (!picked) {
    return (
      <View className="checkout-address">
        <AddressForm value={value} onChange={onChange} errors={errors} disabled={disabled} />
        <Text className="checkout-address__book-link address-book-link" onClick={openBook}>
          使用地址簿 ›
        </Text>
      </View>
    );
  }
  return (
    <View className="checkout-address checkout-address--picked picked-address" onClick={openBook}>
      <View className="checkout-address__main">
        <View className="checkout-address__who">
          <Text className="checkout-address__name picked-address-name">{picked.recipientName}</Text>
          <Text className="checkout-address__phone">{picked.phone}</Text>
          {picked.isDefault ? <Text className="checkout-address__default">默认</Text> : null}
        </View>
        <Text className="checkout-address__text picked-address-text">{`${picked.region} ${picked.detail}`}</Text>
      </View>
      <Text className="checkout-address__change change-address">更换 ›</Text>
    </View>
  );
}
