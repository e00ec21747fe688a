import {
  type CreateDropRequest,
  type DropSkuOption,
  type EarlyAccessChoice,
  earlyAccessOf,
  scheduleOfSlot,
  upcomingWindows,
  type WeeklySlot,
  zonedWallTime,
} from '@tidepool/shared';

/** One row of the item table as the operator fills it: prices in yuan, as typed. */
export interface DropItemRow {
  key: string;
  skuId?: number;
  dropPriceYuan?: number;
  cap?: number;
  perMemberLimit?: number;
}

/** The create form's values. Date-times are wall clock in the brand's zone ('YYYY-MM-DD HH:mm'), not instants. */
export interface DropFormValues {
  title: string;
  description?: string;
  recurrence: 'ONCE' | 'WEEKLY';
  opensAt?: string;
  closesAt?: string;
  weekday?: number;
  startTime?: string;
  durationMinutes?: number;
  earlyChoice: EarlyAccessChoice;
  earlyMinutes?: number;
}

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const EARLY_CHOICE_LABELS: Record<EarlyAccessChoice, string> = {
  NONE: '不设优先购',
  SILVER_UP: '银卡及以上',
  GOLD_ONLY: '仅金卡',
};

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

/**
 * A wall-clock time typed in the console, read in the brand's zone: 12:00 means noon in Shanghai even when the
 * operator's computer is set to another zone.
 */
export function wallToInstant(wall: string, timeZone: string): string {
  const m = WALL.exec(wall);
  if (!m) throw new RangeError(`not a wall-clock time: ${wall}`);
  const [, y, mo, d, h, mi] = m.map(Number);
  return zonedWallTime(y, mo, d, h, mi, timeZone).toISOString();
}

/** 'HH:mm' as minutes after midnight; null when it is not a time. */
export function minutesOf(time: string | undefined): number | null {
  const m = /^(\d{2}):(\d{2})/.exec(time ?? '');
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes < 1440 ? minutes : null;
}

export function weeklySlotOf(values: DropFormValues): WeeklySlot | null {
  const startMinute = minutesOf(values.startTime);
  if (values.weekday === undefined || startMinute === null || !values.durationMinutes) return null;
  return { weekday: values.weekday, startMinute, durationMinutes: values.durationMinutes };
}

/** Yuan as typed (may carry float noise: 39.9) to integer fen. */
export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

/** The request the form's values make. Items are taken as they are; `itemProblems` checks them first. */
export function toCreateDropRequest(values: DropFormValues, rows: DropItemRow[], timeZone: string): CreateDropRequest {
  const base = {
    title: values.title.trim(),
    ...(values.description ? { description: values.description } : {}),
    earlyAccess: earlyAccessOf(values.earlyChoice, values.earlyChoice === 'NONE' ? 0 : (values.earlyMinutes ?? 0)),
    items: rows.map((row) => ({
      skuId: row.skuId ?? 0,
      dropPriceFen: fenOf(row.dropPriceYuan ?? 0),
      cap: row.cap ?? 0,
      perMemberLimit: row.perMemberLimit ?? 0,
    })),
  };
  if (values.recurrence === 'WEEKLY') {
    const weekly = weeklySlotOf(values);
    return { ...base, recurrence: 'WEEKLY', ...(weekly ? { weekly } : {}) };
  }
  return {
    ...base,
    recurrence: 'ONCE',
    ...(values.opensAt ? { opensAt: wallToInstant(values.opensAt, timeZone) } : {}),
    ...(values.closesAt ? { closesAt: wallToInstant(values.closesAt, timeZone) } : {}),
  };
}

/** What is wrong with the item rows, in the words the form shows; the server checks the same again. */
export function itemProblems(rows: DropItemRow[], skus: ReadonlyMap<number, DropSkuOption>): string[] {
  if (rows.length === 0) return ['请至少添加一个商品'];
  const problems: string[] = [];
  const seen = new Set<number>();
  rows.forEach((row, index) => {
    const at = `第 ${index + 1} 行`;
    if (!row.skuId) {
      problems.push(`${at}：请选择商品规格`);
      return;
    }
    if (seen.has(row.skuId)) problems.push(`${at}：同一商品规格只能添加一次`);
    seen.add(row.skuId);
    const price = row.dropPriceYuan === undefined ? null : fenOf(row.dropPriceYuan);
    const listPrice = skus.get(row.skuId)?.priceFen;
    if (price === null || price <= 0) problems.push(`${at}：团购价须大于 0`);
    else if (listPrice !== undefined && price >= listPrice) problems.push(`${at}：团购价须低于原价`);
    if (!row.cap || row.cap < 1) problems.push(`${at}：团购数量至少 1 件`);
    if (!row.perMemberLimit || row.perMemberLimit < 1) problems.push(`${at}：每人限购至少 1 件`);
    else if (row.cap && row.perMemberLimit > row.cap) problems.push(`${at}：每人限购不能超过团购数量`);
  });
  return problems;
}

/** The next openings a weekly slot makes from now, for the form's preview (the server decides the same way). */
export function weeklyPreview(
  values: DropFormValues,
  timeZone: string,
  now: Date,
  count = 4,
): { opensAt: string; closesAt: string }[] {
  const slot = weeklySlotOf(values);
  if (!slot) return [];
  const early = earlyAccessOf(values.earlyChoice, values.earlyChoice === 'NONE' ? 0 : (values.earlyMinutes ?? 0));
  return upcomingWindows(scheduleOfSlot(slot, timeZone), now, count, early).map((w) => ({
    opensAt: w.opensAt.toISOString(),
    closesAt: w.closesAt.toISOString(),
  }));
}

/** Where a server field error goes: a form field, or a line about an item row. */
export function placeFieldError(field: string): { formField: keyof DropFormValues } | { itemRow: number } | null {
  const item = /^items\[(\d+)\]/.exec(field);
  if (item) return { itemRow: Number(item[1]) };
  if (field === 'items') return { itemRow: 0 };
  if (field === 'opensAt' || field === 'closesAt' || field === 'title' || field === 'description') {
    return { formField: field };
  }
  if (field === 'weekly.weekday') return { formField: 'weekday' };
  if (field === 'weekly.startMinute') return { formField: 'startTime' };
  if (field === 'weekly.durationMinutes') return { formField: 'durationMinutes' };
  if (field === 'earlyAccess') return { formField: 'earlyMinutes' };
  return null;
}
