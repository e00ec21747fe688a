/** Where a parcel goes: a points-mall gift shipped, or an online order delivered. */
export interface ShippingAddress {
  recipientName: string;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /** Province, city, district, e.g. 上海市 静安区. */
  region: string;
  detail: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The member's address book (收货地址). Routes under /api/addresses; every id is the caller's own (another
// member's id answers 404 ADDRESS_NOT_FOUND).

/** Bounds the server validates against (the forms use the same). */
export const ADDRESS_LIMITS = {
  /** Addresses one member may keep. */
  maxPerMember: 20,
  recipientNameMax: 20,
  regionPartMax: 32,
  detailMin: 2,
  detailMax: 120,
} as const;

/** POST /api/addresses and PUT /api/addresses/:id (the whole address). */
export interface AddressInput {
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  /** Make it the default (the first address is the default whatever this says). */
  isDefault?: boolean;
}

export interface AddressView {
  id: number;
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  isDefault: boolean;
  /** Province, city and district as one line (a municipality's city is not repeated): "上海市 静安区". */
  region: string;
  updatedAt: string;
}

/** "上海市 上海市 静安区" reads "上海市 静安区": consecutive equal parts (municipalities) are written once. */
export function regionText(province: string, city: string, district: string): string {
  return [province, city, district]
    .map((part) => part.trim())
    .filter((part, i, all) => part !== '' && part !== all[i - 1])
    .join(' ');
}

/** The address book entry as an order's shipping address. */
export function toShippingAddress(address: AddressView): ShippingAddress {
  return {
    recipientName: address.recipientName,
    phone: address.phone,
    region: address.region,
    detail: address.detail,
  };
}
