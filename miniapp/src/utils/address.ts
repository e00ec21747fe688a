import { isMainlandMobile, MAINLAND_MOBILE_MESSAGE, type ShippingAddress } from '@tidepool/shared';

/** The delivery address form (快递配送), checked with the server's rules (ShippingAddressDto) before submitting. */

export type AddressField = keyof ShippingAddress;
export type AddressErrors = Partial<Record<AddressField, string>>;

export const EMPTY_ADDRESS: ShippingAddress = { recipientName: '', phone: '', region: '', detail: '' };

/** Field lengths the server accepts. */
export const ADDRESS_LIMITS: Record<AddressField, number> = { recipientName: 32, phone: 11, region: 64, detail: 128 };

/** The address as it will be sent: trimmed; spaces and dashes typed into the phone number dropped. */
export function normalizeAddress(address: ShippingAddress): ShippingAddress {
  return {
    recipientName: address.recipientName.trim(),
    phone: address.phone.replace(/[\s-]/g, ''),
    region: address.region.trim(),
    detail: address.detail.trim(),
  };
}

/** The first problem of each field, in Chinese; an empty object when the address can be sent. */
export function validateAddress(input: ShippingAddress): AddressErrors {
  const address = normalizeAddress(input);
  const errors: AddressErrors = {};
  if (!address.recipientName) errors.recipientName = '请填写收货人';
  else if ([...address.recipientName].length > ADDRESS_LIMITS.recipientName)
    errors.recipientName = '收货人最多 32 个字';
  if (!address.phone) errors.phone = '请填写手机号';
  else if (!isMainlandMobile(address.phone)) errors.phone = MAINLAND_MOBILE_MESSAGE;
  if (!address.region) errors.region = '请填写所在地区';
  else if ([...address.region].length > ADDRESS_LIMITS.region) errors.region = '所在地区最多 64 个字';
  if (!address.detail) errors.detail = '请填写详细地址';
  else if ([...address.detail].length > ADDRESS_LIMITS.detail) errors.detail = '详细地址最多 128 个字';
  return errors;
}

/** The fields in the order the form shows them (the first error is the one toasted). */
export const ADDRESS_FIELDS: readonly AddressField[] = ['recipientName', 'phone', 'region', 'detail'];

export function firstAddressError(errors: AddressErrors): string | null {
  for (const field of ADDRESS_FIELDS) {
    const message = errors[field];
    if (message) return message;
  }
  return null;
}
