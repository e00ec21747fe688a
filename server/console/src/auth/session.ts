import type { StaffLoginResponse } from '@tidepool/shared';

/** The operator's session, kept for this browser tab's lifetime and across reloads. */
export type ConsoleSession = StaffLoginResponse;

const KEY = 'tidepool-console-session';

export function readSession(): ConsoleSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as ConsoleSession) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: ConsoleSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
