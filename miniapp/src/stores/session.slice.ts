import type { Role } from '@tidepool/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/**
 * Who the app talks to the API as. Two independent logins, because a cashier's phone is also a member's phone:
 * - `member`: the shopper, logged in silently with the WeChat login code (services/session.ts);
 * - `staff`: store mode (门店模式), a cashier's account and password, bound to one store.
 * Only the bearer token and what the screens show about it are kept; member data is fetched, never mirrored.
 */
export type SessionKind = 'member' | 'staff';

export interface AuthSession {
  token: string;
  role: Role;
  /** The store a cashier acts in; null for members and operators. */
  storeId: number | null;
  /** Staff display name; null for members. */
  displayName: string | null;
}

export interface SessionState {
  member: AuthSession | null;
  staff: AuthSession | null;
}

export interface SessionSlice {
  session: SessionState;
  setSession: (kind: SessionKind, session: AuthSession) => void;
  /** Forgets one login (the other stays). */
  signOut: (kind: SessionKind) => void;
}

export const EMPTY_SESSION: SessionState = { member: null, staff: null };

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: EMPTY_SESSION,
  setSession: (kind, session) => set((state) => ({ session: { ...state.session, [kind]: session } })),
  signOut: (kind) => set((state) => ({ session: { ...state.session, [kind]: null } })),
});
