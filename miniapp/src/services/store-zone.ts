import type { ServerTimeResponse } from '@tidepool/shared';
import { setStoreTimeZone } from '@/utils/date';
import { http } from './http';

/**
 * Adopts the store zone the server names (GET /api/time), once per launch; until it answers (or if it never does)
 * dates are shown in the brand's default zone, Asia/Shanghai.
 */
export async function loadStoreTimeZone(): Promise<void> {
  try {
    setStoreTimeZone((await http.get<ServerTimeResponse>('/api/time')).timeZone);
  } catch (error) {
    console.warn('[time] store zone not loaded; showing the default zone', error);
  }
}
