import type { AdminStaffView } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import {
  businessHoursLabel,
  canManageStaff,
  coordinatesLabel,
  creatableRoles,
  staffState,
  toSaveStoreRequest,
} from './store-rules';

const staff = (over: Partial<AdminStaffView>): AdminStaffView => ({
  id: 10,
  username: 'cashier.x',
  role: 'cashier',
  storeId: 1,
  storeName: '南京西路店',
  displayName: '收银员',
  wechatBound: false,
  inviteExpiresAt: null,
  disabledAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('store labels', () => {
  it('shows business hours, past midnight as 次日, and 未设置', () => {
    expect(businessHoursLabel('10:00', '22:00')).toBe('10:00–22:00');
    expect(businessHoursLabel('18:00', '02:00')).toBe('18:00–次日 02:00');
    expect(businessHoursLabel(null, '22:00')).toBe('未设置');
  });

  it('shows coordinates to six places', () => {
    expect(coordinatesLabel(31.195, 121.437)).toBe('31.195000, 121.437000');
    expect(coordinatesLabel(null, 121)).toBe('未设置');
  });
});

describe('toSaveStoreRequest', () => {
  const base = { code: ' SH009 ', name: ' 徐家汇店 ', timeZone: 'Asia/Shanghai' };

  it('trims, and turns blanks into null', () => {
    expect(toSaveStoreRequest({ ...base, opensAt: '', closesAt: ' ', latitude: null }).request).toEqual({
      code: 'SH009',
      name: '徐家汇店',
      address: '',
      timeZone: 'Asia/Shanghai',
      latitude: null,
      longitude: null,
      opensAt: null,
      closesAt: null,
      pickupEnabled: true,
    });
  });

  it('wants both hours or neither, in HH:MM', () => {
    expect(toSaveStoreRequest({ ...base, opensAt: '10:00' }).errors).toEqual({
      closesAt: '营业时间需同时填写开始和结束',
    });
    expect(toSaveStoreRequest({ ...base, opensAt: '9:00', closesAt: '22:00' }).errors).toEqual({
      opensAt: '格式为 HH:MM，如 10:00',
    });
    expect(toSaveStoreRequest({ ...base, opensAt: '10:00', closesAt: '22:00' }).request).toMatchObject({
      opensAt: '10:00',
      closesAt: '22:00',
    });
  });

  it('wants both coordinates or neither', () => {
    expect(toSaveStoreRequest({ ...base, latitude: 31.2 }).errors).toEqual({ longitude: '经纬度需同时填写' });
    expect(toSaveStoreRequest({ ...base, latitude: 0, longitude: 0 }).request).toMatchObject({
      latitude: 0,
      longitude: 0,
    });
  });
});

describe('staff permissions in the UI', () => {
  it('a store manager creates cashiers only', () => {
    expect(creatableRoles('operator')).toEqual(['cashier', 'store_manager']);
    expect(creatableRoles('store_manager')).toEqual(['cashier']);
  });

  it('a store manager manages cashiers, nobody manages themselves', () => {
    expect(canManageStaff('store_manager', 1, staff({ role: 'cashier' }))).toBe(true);
    expect(canManageStaff('store_manager', 1, staff({ role: 'store_manager' }))).toBe(false);
    expect(canManageStaff('operator', 1, staff({ role: 'store_manager' }))).toBe(true);
    expect(canManageStaff('operator', 10, staff({ role: 'operator' }))).toBe(false);
  });

  it('shows the state', () => {
    expect(staffState(staff({})).text).toBe('启用');
    expect(staffState(staff({ disabledAt: '2026-12-02T00:00:00.000Z' })).text).toBe('已停用');
  });
});
