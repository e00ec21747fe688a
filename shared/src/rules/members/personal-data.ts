/** Staff see phones as 138****5678 (PIPL: the minimum a cashier needs to confirm the person in front of them). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A birthday is month-day only (MM-DD); 02-29 is allowed (celebrated on 02-28 in other years). */
export function isValidBirthday(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth[month - 1];
}

/** Whether a local date (MM-DD, year) is the member's birthday; a 02-29 birthday falls on 02-28 in common years. */
export function isBirthday(birthday: string | null, localMonthDay: string, localYear: number): boolean {
  if (!birthday) return false;
  if (birthday === '02-29' && !isLeapYear(localYear)) return localMonthDay === '02-28';
  return birthday === localMonthDay;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
