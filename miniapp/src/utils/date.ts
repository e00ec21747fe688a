const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-04" in the phone's time zone; '' for a missing or invalid value. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "14:05" in the phone's time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A member's birthday (MM-DD) as people say it: "5月20日"; '' when not set or malformed. */
export function formatBirthday(birthday: string | null | undefined): string {
  const match = /^(\d{2})-(\d{2})$/.exec(birthday ?? '');
  return match ? `${Number(match[1])}月${Number(match[2])}日` : '';
}
