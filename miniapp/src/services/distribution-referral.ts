import Taro from '@tarojs/taro';
import { type RecordVisitResponse, type ReferralTokenView, VISITOR_ID_PATTERN } from '@tidepool/shared';
import { referralTokenFromQuery, referralTokenFromUrl } from '@/components/share/referral-token';
import { useAppStore } from '@/stores';
import { isH5 } from './env';
import { http } from './http';
import { memberRequest, onMemberLogin } from './session';

/**
 * Referral binding (推广绑定). A visit opened with a referral token (`rt`/`ref`/`scene` on any page, or the launch
 * options) is reported to POST /api/distribution/visits. A visitor not logged in yet is counted as a view, and the
 * token is kept on the phone and reported again right after login, when the server can bind the member. Nothing
 * here ever shows an error: a forged, unknown or stale token just leaves the visit unreferred.
 *
 * The two calls below live here rather than in distribution.api.ts, so the main package (app launch) carries only
 * them and the rest of the distribution API stays in the subpackages.
 */

/** GET /api/distribution/tokens/:token (public): what a token points at; `valid: false` for a forged one. */
export function resolveReferralToken(token: string): Promise<ReferralTokenView> {
  return http.get<ReferralTokenView>(`/api/distribution/tokens/${encodeURIComponent(token)}`);
}

export const VISITOR_ID_STORAGE_KEY = 'tidepool-visitor-id';

/**
 * This phone's anonymous visitor id, made once and kept: sent with every visit, before and after login, so the
 * promoter's funnel counts one person once (the server links the anonymous view to the member).
 */
export function visitorId(): string {
  try {
    const kept: unknown = Taro.getStorageSync(VISITOR_ID_STORAGE_KEY);
    if (typeof kept === 'string' && VISITOR_ID_PATTERN.test(kept)) return kept;
  } catch {
    // Storage unavailable: a fresh id for this visit.
  }
  let id = 'v';
  while (id.length < 25) id += Math.floor(Math.random() * 36).toString(36);
  try {
    Taro.setStorageSync(VISITOR_ID_STORAGE_KEY, id);
  } catch {
    // Best effort.
  }
  return id;
}

/** POST /api/distribution/visits: counts the view; with the member's token it also binds. */
export function recordVisit(token: string, asMember: boolean): Promise<RecordVisitResponse> {
  const body = { token, visitorId: visitorId() };
  return asMember
    ? memberRequest<RecordVisitResponse>('/api/distribution/visits', { method: 'POST', body })
    : http.post<RecordVisitResponse>('/api/distribution/visits', body);
}

export const REFERRAL_STORAGE_KEY = 'tidepool-referral';
/** A token kept for a visitor who never logs in is forgotten after this long. */
export const PENDING_REFERRAL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface PendingReferral {
  token: string;
  capturedAt: number;
  /** The anonymous view was counted already (only the member binding is left). */
  viewCounted: boolean;
}

/** The kept token, if it is well formed and fresh. */
export function readPendingReferral(stored: unknown, now: number): PendingReferral | null {
  if (!stored || typeof stored !== 'object') return null;
  const value = stored as Partial<PendingReferral>;
  const token = referralTokenFromQuery({ rt: value.token });
  if (!token || typeof value.capturedAt !== 'number') return null;
  if (now - value.capturedAt > PENDING_REFERRAL_TTL_MS || value.capturedAt > now + 60_000) return null;
  return { token, capturedAt: value.capturedAt, viewCounted: value.viewCounted === true };
}

function loadPending(): PendingReferral | null {
  try {
    return readPendingReferral(Taro.getStorageSync(REFERRAL_STORAGE_KEY), Date.now());
  } catch {
    return null;
  }
}

function savePending(pending: PendingReferral | null): void {
  try {
    if (pending) Taro.setStorageSync(REFERRAL_STORAGE_KEY, pending);
    else Taro.removeStorageSync(REFERRAL_STORAGE_KEY);
  } catch {
    // Storage full or unavailable: the binding is best effort.
  }
}

let inFlight: Promise<void> | null = null;

/**
 * Reports the kept token: with the member's token when logged in (then it is done and forgotten), else once as an
 * anonymous view. Concurrent callers share one run; failures are logged and the token stays for the next chance.
 */
export function reportPendingReferral(): Promise<void> {
  inFlight ??= (async () => {
    const pending = loadPending();
    if (!pending) {
      savePending(null);
      return;
    }
    const asMember = useAppStore.getState().session.member !== null;
    if (!asMember && pending.viewCounted) return;
    try {
      const result = await recordVisit(pending.token, asMember);
      // Bound, kept, refused or unreferred: the server has decided; only an anonymous view waits for the login.
      if (asMember || !result.referred) savePending(null);
      else savePending({ ...pending, viewCounted: true });
    } catch (error) {
      console.warn('[referral] reporting the visit failed; kept for later', error);
    }
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/**
 * Keeps the token of a launch or show (a newer token replaces an older one: last touch on the phone, the server
 * applies the protection rules) and reports it. Returns the token, or null when the query carried none.
 */
export function captureReferral(query: Record<string, unknown> | null | undefined, url?: string): string | null {
  const token = referralTokenFromQuery(query) ?? referralTokenFromUrl(url);
  if (!token) return null;
  const current = loadPending();
  if (!current || current.token !== token) savePending({ token, capturedAt: Date.now(), viewCounted: false });
  void reportPendingReferral();
  return token;
}

/**
 * A mini program code (poster) opens the home page with `scene` = the token: send the visitor on to what the
 * promoter shared. Nothing happens for a forged token or a target the home page already is.
 */
export async function openReferralLanding(token: string): Promise<void> {
  try {
    const target = await resolveReferralToken(token);
    if (!target.valid || target.targetType !== 'PRODUCT' || !target.targetId) return;
    await Taro.navigateTo({ url: `/packages/product/pages/detail/index?id=${target.targetId}` });
  } catch (error) {
    console.warn('[referral] landing', error);
  }
}

interface LaunchLike {
  path?: string;
  query?: Record<string, unknown>;
}

const HOME_PATH = 'pages/index/index';

/** App launch and show: capture the token of the page opened; from the home page (a poster code) open the target. */
export function handleAppEntry(options: LaunchLike | null | undefined, landing: boolean): void {
  const url = isH5() && typeof window !== 'undefined' ? window.location.href : undefined;
  const token = captureReferral(options?.query, url);
  const path = (options?.path ?? '').replace(/^\//, '');
  if (token && landing && (path === '' || path === HOME_PATH)) void openReferralLanding(token);
}

let installed = false;
/** After a login, bind the member to the kept token before the first member request. Idempotent. */
export function installReferralCapture(): void {
  if (installed) return;
  installed = true;
  onMemberLogin(() => reportPendingReferral());
}
