import { DROP_STATE_LABELS, type DropAdminView, type DropState } from '@tidepool/shared';
import { Tag } from 'antd';
import { EARLY_CHOICE_LABELS, WEEKDAY_LABELS } from './drop-form';
import { earlyAccessChoiceOf } from '@tidepool/shared';

const STATE_COLORS: Record<DropState, string> = {
  UPCOMING: 'blue',
  OPEN: 'green',
  ENDED: 'default',
  CANCELLED: 'red',
};

export function DropStateTag({ state }: { state: DropState }) {
  return <Tag color={STATE_COLORS[state]}>{DROP_STATE_LABELS[state]}</Tag>;
}

export function earlyAccessText(earlyAccess: DropAdminView['earlyAccess']): string {
  const { choice, minutes } = earlyAccessChoiceOf(earlyAccess);
  return choice === 'NONE' ? EARLY_CHOICE_LABELS.NONE : `${EARLY_CHOICE_LABELS[choice]}提前 ${minutes} 分钟`;
}

export function weeklyText(drop: DropAdminView): string {
  if (drop.recurrence !== 'WEEKLY') return '单次';
  if (!drop.weekly) return '每周（品牌默认时段）';
  const { weekday, startMinute, durationMinutes } = drop.weekly;
  const hh = String(Math.floor(startMinute / 60)).padStart(2, '0');
  const mm = String(startMinute % 60).padStart(2, '0');
  const hours = durationMinutes % 60 === 0 ? `${durationMinutes / 60} 小时` : `${durationMinutes} 分钟`;
  return `每${WEEKDAY_LABELS[weekday]} ${hh}:${mm} 起 ${hours}`;
}
