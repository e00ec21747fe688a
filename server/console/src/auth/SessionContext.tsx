import { createContext, useContext } from 'react';
import type { ConsoleSession } from './session';

export interface SessionState {
  session: ConsoleSession;
  /** The brand's zone: every time the console shows is in it, whatever the operator's computer says. */
  timeZone: string;
  logout: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The logged-in operator; only used under the layout, which renders nothing without a session. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside the console layout');
  return state;
}

/** Whether the operator runs the whole brand (a store manager runs one store). */
export function useIsBrandOperator(): boolean {
  return useSession().session.role === 'operator';
}
