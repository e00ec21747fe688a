import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** Login session (filled in by the member issue). Nothing but the token and a display profile is kept. */
export interface SessionSlice {
  session: { token: string | null; nickname: string | null; avatarUrl: string | null };
  signOut: () => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: { token: null, nickname: null, avatarUrl: null },
  signOut: () => set({ session: { token: null, nickname: null, avatarUrl: null } }),
});
