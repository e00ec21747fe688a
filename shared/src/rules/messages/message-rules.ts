import { localCalendar, zonedWallTime } from '../loyalty/business-calendar';

/**
 * How often and when the brand may send a member a subscribe message (订阅消息). A consent the member gave is
 * still required for every message; these rules only hold the brand back further.
 */
export interface MessageRules {
  /** At most this many messages reach one member within any `capWindowDays` days. */
  weeklyCap: number;
  capWindowDays: number;
  /** Quiet hours in the brand zone, minutes after local midnight: no message from `quietStart` to `quietEnd`. */
  quietStartMinute: number;
  /** When quietEnd ≤ quietStart the quiet hours run over midnight (21:00–09:00). */
  quietEndMinute: number;
}

/** The seed brand's numbers: two messages a week, none between 21:00 and 09:00. */
export const DEFAULT_MESSAGE_RULES: MessageRules = {
  weeklyCap: 2,
  capWindowDays: 7,
  quietStartMinute: 21 * 60,
  quietEndMinute: 9 * 60,
};

/** What is wrong with a set of message rules (empty when usable), each problem naming its field. */
export function messageRulesProblems(rules: MessageRules): string[] {
  const problems: string[] = [];
  const wholeIn = (name: keyof MessageRules, min: number, max: number): void => {
    const value = rules[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer in ${min}..${max} (got ${String(value)})`);
    }
  };
  wholeIn('weeklyCap', 0, 100);
  wholeIn('capWindowDays', 1, 31);
  wholeIn('quietStartMinute', 0, 1439);
  wholeIn('quietEndMinute', 0, 1439);
  return problems;
}

function minuteOfDay(now: Date, timeZone: string): number {
  const local = localCalendar(now, timeZone);
  return local.hour * 60 + local.minute;
}

/** Whether `now` falls in the quiet hours (start inclusive, end exclusive). Equal bounds mean no quiet hours. */
export function inQuietHours(now: Date, timeZone: string, rules: MessageRules = DEFAULT_MESSAGE_RULES): boolean {
  const { quietStartMinute: start, quietEndMinute: end } = rules;
  if (start === end) return false;
  const minute = minuteOfDay(now, timeZone);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first instant at or after `now` a message may be sent: `now` outside the quiet hours, else the end of the
 * quiet hours in the brand zone (09:00 the same morning after midnight, the next morning before it).
 */
export function nextSendableAt(now: Date, timeZone: string, rules: MessageRules = DEFAULT_MESSAGE_RULES): Date {
  if (!inQuietHours(now, timeZone, rules)) return now;
  const local = localCalendar(now, timeZone);
  const [year, month, day] = local.date.split('-').map(Number);
  const endHour = Math.floor(rules.quietEndMinute / 60);
  const endMinute = rules.quietEndMinute % 60;
  const today = zonedWallTime(year, month, day, endHour, endMinute, timeZone);
  if (today > now) return today;
  // Evening side of quiet hours that cross midnight: the end is tomorrow (Date.UTC rolls the month over).
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1));
  return zonedWallTime(
    tomorrow.getUTCFullYear(),
    tomorrow.getUTCMonth() + 1,
    tomorrow.getUTCDate(),
    endHour,
    endMinute,
    timeZone,
  );
}
