import { describe, expect, it } from 'vitest';
import { orderQuery } from './order-query';

describe('orderQuery', () => {
  it('turns the brand-zone date range into half-open UTC instants', () => {
    expect(orderQuery({ range: ['2026-12-01', '2026-12-03'] }, 'Asia/Shanghai', true)).toMatchObject({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
    });
  });

  it('trims the order number and strips spaces and dashes from a pasted phone', () => {
    expect(orderQuery({ orderNo: ' 2026120300001 ', phone: '138 0013-8000' }, 'Asia/Shanghai', true)).toMatchObject({
      orderNo: '2026120300001',
      phone: '13800138000',
    });
  });

  it('drops empty filters, and the store filter for a store manager', () => {
    expect(orderQuery({ state: '', orderNo: '  ', storeId: '2' }, 'Asia/Shanghai', false)).toEqual({
      state: undefined,
      fulfilment: undefined,
      storeId: undefined,
      orderNo: undefined,
      phone: undefined,
    });
    expect(orderQuery({ storeId: '2', state: 'PAID' }, 'Asia/Shanghai', true)).toMatchObject({
      storeId: 2,
      state: 'PAID',
    });
  });
});
