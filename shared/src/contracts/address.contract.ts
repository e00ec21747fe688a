/** Where a parcel goes: a points-mall gift shipped, or an online order delivered. */
export interface ShippingAddress {
  recipientName: string;
  /** Mainland mobile number, 11 digits. */
  phone: string;
  /** Province, city, district, e.g. 上海市 静安区. */
  region: string;
  detail: string;
}
