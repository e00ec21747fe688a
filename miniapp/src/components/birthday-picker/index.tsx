import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatBirthday } from '@/utils/date';
import { DAYS_IN_MONTH, fromMonthDay, toMonthDay } from './month-day';
import './index.scss';

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const daysOf = (month: number) => Array.from({ length: DAYS_IN_MONTH[month] }, (_, i) => `${i + 1}日`);

export interface BirthdayPickerProps {
  /** "MM-DD", or null when none is picked yet. */
  value: string | null;
  onChange: (birthday: string) => void;
  placeholder?: string;
  disabled?: boolean;
}

/** A month-day picker (no year: birthdays are kept as MM-DD), shown as a form row. */
export function BirthdayPicker({ value, onChange, placeholder = '请选择生日', disabled = false }: BirthdayPickerProps) {
  const [month, setMonth] = useState(() => fromMonthDay(value)[0]);
  const selected = fromMonthDay(value);

  return (
    <Picker
      mode="multiSelector"
      range={[MONTHS, daysOf(month)]}
      value={[month, value ? selected[1] : 0]}
      disabled={disabled}
      onColumnChange={(e) => {
        if (e.detail.column === 0) setMonth(e.detail.value);
      }}
      onChange={(e) => {
        const [m, d] = e.detail.value;
        setMonth(m);
        onChange(toMonthDay(m, d));
      }}
      onCancel={() => setMonth(fromMonthDay(value)[0])}
    >
      <View className="birthday-picker">
        <Text className={`birthday-picker__value ${value ? '' : 'birthday-picker__value--empty'}`}>
          {value ? formatBirthday(value) : placeholder}
        </Text>
        <Text className="birthday-picker__arrow">›</Text>
      </View>
    </Picker>
  );
}
