import { dayRangeQuery } from '../../format';

/** What the list's search form holds (ProTable's params, pagination removed). */
export interface OrderFilterValues {
  state?: string;
  fulfilment?: string;
  storeId?: number | string;
  range?: unknown;
  orderNo?: string;
  phone?: string;
}

export type OrderQuery = Record<string, string | number | undefined>;

/**
 * The list's filters as the API's query, shared by the table and the CSV export so the file always holds what the
 * table shows: trimmed texts (a pasted phone often carries spaces or dashes), the date range as brand-zone day
 * boundaries, and no store filter for a store manager (the server confines them anyway).
 */
export function orderQuery(values: OrderFilterValues, timeZone: string, brandWide: boolean): OrderQuery {
  const phone = values.phone?.replace(/[\s-]/g, '');
  const orderNo = values.orderNo?.trim();
  const storeId =
    brandWide && values.storeId !== undefined && values.storeId !== '' ? Number(values.storeId) : undefined;
  return {
    state: values.state || undefined,
    fulfilment: values.fulfilment || undefined,
    storeId,
    orderNo: orderNo || undefined,
    phone: phone || undefined,
    ...dayRangeQuery(values.range, timeZone),
  };
}
