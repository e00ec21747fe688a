import type { ServerTimeResponse } from '@tidepool/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, onSessionExpired } from './api/client';
import { LoginPage } from './auth/LoginPage';
import { SessionContext, type SessionState } from './auth/SessionContext';
import { clearSession, readSession, type ConsoleSession } from './auth/session';
import { ConsoleLayout } from './layout/ConsoleLayout';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function App() {
  const [session, setSession] = useState<ConsoleSession | null>(() => readSession());
  const [expired, setExpired] = useState(false);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);

  useEffect(
    () =>
      onSessionExpired(() => {
        setSession(null);
        setExpired(true);
      }),
    [],
  );
  useEffect(() => {
    api<ServerTimeResponse>('GET', '/time')
      .then((time) => setTimeZone(time.timeZone))
      .catch(() => undefined);
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setExpired(false);
    setSession(null);
  }, []);
  const state = useMemo<SessionState | null>(
    () => (session ? { session, timeZone, logout } : null),
    [session, timeZone, logout],
  );

  if (!state) {
    return (
      <LoginPage
        expired={expired}
        onLoggedIn={(next) => {
          setExpired(false);
          setSession(next);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={state}>
      <ConsoleLayout />
    </SessionContext.Provider>
  );
}
