import {
  BUSINESS_TIME_PATTERN,
  type AdminStaffView,
  type CreatableStaffRole,
  type Role,
  type SaveStoreRequest,
  type StaffRoleName,
} from '@tidepool/shared';

export const STAFF_ROLE_LABELS: Record<StaffRoleName, string> = {
  cashier: '收银员',
  store_manager: '店长',
  operator: '品牌运营',
};

/** "10:00–22:00", "22:00–次日 02:00" (closing before opening runs past midnight), or 未设置. */
export function businessHoursLabel(opensAt: string | null, closesAt: string | null): string {
  if (!opensAt || !closesAt) return '未设置';
  return closesAt <= opensAt ? `${opensAt}–次日 ${closesAt}` : `${opensAt}–${closesAt}`;
}

/** "31.195000, 121.437000" or 未设置. */
export function coordinatesLabel(latitude: number | null, longitude: number | null): string {
  if (latitude === null || longitude === null) return '未设置';
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

export interface StoreFormValues {
  code: string;
  name: string;
  address?: string;
  timeZone: string;
  latitude?: number | null;
  longitude?: number | null;
  opensAt?: string | null;
  closesAt?: string | null;
  pickupEnabled?: boolean;
}

/**
 * The form's values as the request: blanks become null (cleared), both hours or neither, both coordinates or
 * neither. Returns the field errors instead when the pair rule is broken, so the form shows them inline.
 */
export function toSaveStoreRequest(
  values: StoreFormValues,
): { request: SaveStoreRequest; errors?: undefined } | { request?: undefined; errors: Record<string, string> } {
  const blank = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  const num = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? null : v);
  const opensAt = blank(values.opensAt);
  const closesAt = blank(values.closesAt);
  const latitude = num(values.latitude);
  const longitude = num(values.longitude);
  const errors: Record<string, string> = {};
  if ((opensAt === null) !== (closesAt === null))
    errors[opensAt === null ? 'opensAt' : 'closesAt'] = '营业时间需同时填写开始和结束';
  if (opensAt !== null && !BUSINESS_TIME_PATTERN.test(opensAt)) errors.opensAt = '格式为 HH:MM，如 10:00';
  if (closesAt !== null && !BUSINESS_TIME_PATTERN.test(closesAt)) errors.closesAt = '格式为 HH:MM，如 22:00';
  if ((latitude === null) !== (longitude === null))
    errors[latitude === null ? 'latitude' : 'longitude'] = '经纬度需同时填写';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    request: {
      code: values.code.trim(),
      name: values.name.trim(),
      address: values.address?.trim() ?? '',
      timeZone: values.timeZone,
      latitude,
      longitude,
      opensAt,
      closesAt,
      pickupEnabled: values.pickupEnabled ?? true,
    },
  };
}

/** The roles the caller may create: a store manager only cashiers (the server refuses the rest anyway). */
export function creatableRoles(callerRole: Role): CreatableStaffRole[] {
  return callerRole === 'operator' ? ['cashier', 'store_manager'] : ['cashier'];
}

/** Whether the caller may reset, disable or invite this account: a store manager only cashiers, never oneself. */
export function canManageStaff(callerRole: Role, callerId: number, target: AdminStaffView): boolean {
  if (target.id === callerId) return false;
  return callerRole === 'operator' || target.role === 'cashier';
}

/** 启用 / 已停用 with the badge status antd shows. */
export function staffState(target: Pick<AdminStaffView, 'disabledAt'>): {
  text: string;
  status: 'success' | 'default';
} {
  return target.disabledAt ? { text: '已停用', status: 'default' } : { text: '启用', status: 'success' };
}

/** Server or local field errors as antd form fields (only the form's own field names). */
export function formFieldErrors<T>(errors: Record<string, string>): { name: keyof T & string; errors: string[] }[] {
  return Object.entries(errors).map(([name, error]) => ({ name: name as keyof T & string, errors: [error] }));
}
