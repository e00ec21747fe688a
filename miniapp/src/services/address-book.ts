import Taro from '@tarojs/taro';
import {
  ADDRESS_LIMITS,
  type AddressInput,
  type AddressView,
  isMainlandMobile,
  MAINLAND_MOBILE_MESSAGE,
} from '@tidepool/shared';

/** The address book's form rules, the same as the server's (AddressInputDto), with Chinese messages. */
export type AddressFormField = Exclude<keyof AddressInput, 'isDefault'>;
export type AddressFormErrors = Partial<Record<AddressFormField, string>>;

export const ADDRESS_FORM_FIELDS: readonly AddressFormField[] = [
  'recipientName',
  'phone',
  'province',
  'city',
  'district',
  'detail',
];

export const EMPTY_ADDRESS_INPUT: AddressInput = {
  recipientName: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  detail: '',
  isDefault: false,
};

/** Trimmed; spaces and dashes typed into the phone number dropped. */
export function normaliseAddressInput(input: AddressInput): AddressInput {
  return {
    recipientName: input.recipientName.trim(),
    phone: input.phone.replace(/[\s-]/g, ''),
    province: input.province.trim(),
    city: input.city.trim(),
    district: input.district.trim(),
    detail: input.detail.trim(),
    isDefault: input.isDefault === true,
  };
}

export function validateAddressInput(raw: AddressInput): AddressFormErrors {
  const input = normaliseAddressInput(raw);
  const errors: AddressFormErrors = {};
  if (!input.recipientName) errors.recipientName = '请填写收货人';
  else if ([...input.recipientName].length > ADDRESS_LIMITS.recipientNameMax)
    errors.recipientName = `收货人最多 ${ADDRESS_LIMITS.recipientNameMax} 个字`;
  if (!input.phone) errors.phone = '请填写手机号';
  else if (!isMainlandMobile(input.phone)) errors.phone = MAINLAND_MOBILE_MESSAGE;
  if (!input.province) errors.province = '请填写省份';
  if (!input.city) errors.city = '请填写城市';
  if (!input.district) errors.district = '请填写区县';
  const detailLength = [...input.detail].length;
  if (!input.detail) errors.detail = '请填写详细地址';
  else if (detailLength < ADDRESS_LIMITS.detailMin) errors.detail = `详细地址至少 ${ADDRESS_LIMITS.detailMin} 个字`;
  else if (detailLength > ADDRESS_LIMITS.detailMax) errors.detail = `详细地址最多 ${ADDRESS_LIMITS.detailMax} 个字`;
  return errors;
}

export function firstAddressFormError(errors: AddressFormErrors): string | null {
  for (const field of ADDRESS_FORM_FIELDS) if (errors[field]) return errors[field] ?? null;
  return null;
}

/** The form for an address from WeChat (wx.chooseAddress): the shopper checks it before it is saved. */
export function fromWechatAddress(result: {
  userName?: string;
  telNumber?: string;
  provinceName?: string;
  cityName?: string;
  countyName?: string;
  detailInfo?: string;
}): AddressInput {
  return {
    recipientName: (result.userName ?? '').slice(0, ADDRESS_LIMITS.recipientNameMax),
    phone: (result.telNumber ?? '').replace(/[\s-]/g, ''),
    province: result.provinceName ?? '',
    city: result.cityName ?? '',
    district: result.countyName ?? '',
    detail: (result.detailInfo ?? '').slice(0, ADDRESS_LIMITS.detailMax),
    isDefault: false,
  };
}

export function toAddressInput(address: AddressView): AddressInput {
  return {
    recipientName: address.recipientName,
    phone: address.phone,
    province: address.province,
    city: address.city,
    district: address.district,
    detail: address.detail,
    isDefault: address.isDefault,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The address chosen for one checkout, kept on the phone so it survives leaving the page (to pick another, or
// the browser's back and forward buttons). Keyed by the checkout's items, so a new checkout starts on the default.

export const CHECKOUT_ADDRESS_KEY = 'tidepool-checkout-address';

interface CheckoutChoice {
  checkout: string;
  addressId: number;
}

export function rememberCheckoutAddress(checkout: string, addressId: number): void {
  Taro.setStorageSync(CHECKOUT_ADDRESS_KEY, JSON.stringify({ checkout, addressId } satisfies CheckoutChoice));
}

export function checkoutAddressChoice(checkout: string): number | null {
  try {
    const raw: unknown = Taro.getStorageSync(CHECKOUT_ADDRESS_KEY);
    const parsed = (typeof raw === 'string' && raw ? JSON.parse(raw) : null) as Partial<CheckoutChoice> | null;
    return parsed && parsed.checkout === checkout && typeof parsed.addressId === 'number' ? parsed.addressId : null;
  } catch {
    return null;
  }
}

/** The address a checkout starts on: the one picked for it, else the default, else the first. */
export function preselectAddress(book: readonly AddressView[], chosenId: number | null): AddressView | null {
  return book.find((a) => a.id === chosenId) ?? book.find((a) => a.isDefault) ?? book[0] ?? null;
}
