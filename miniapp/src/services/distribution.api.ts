import {
  PAGINATION,
  type CommissionRecordPage,
  type CommissionStatus,
  type CreatePosterRequest,
  type CreateShareTokenRequest,
  type CreateWithdrawalRequest,
  type CustomerPage,
  type DistributionRulesResponse,
  type EarningsView,
  type MaterialPage,
  type PosterView,
  type ProductDistributionView,
  type PromoterApplyRequest,
  type PromoterMeView,
  type ShareFunnelPage,
  type ShareTokenView,
  type TeamPage,
  type WithdrawalPage,
  type WithdrawalView,
} from '@tidepool/shared';
import { http } from './http';
import { memberRequest } from './session';

/** Distribution (分销) endpoints; see shared/src/contracts/distribution.contract.ts. */

/** GET /api/distribution/rules (public): 推广规则 before applying. */
export function getDistributionRules(): Promise<DistributionRulesResponse> {
  return http.get<DistributionRulesResponse>('/api/distribution/rules');
}

/** GET /api/distribution/me: the member's promoter status and the rules. */
export function getPromoterMe(): Promise<PromoterMeView> {
  return memberRequest<PromoterMeView>('/api/distribution/me');
}

/** POST /api/distribution/apply: idempotent while PENDING or APPROVED. */
export function applyForPromoter(body: PromoterApplyRequest): Promise<PromoterMeView> {
  return memberRequest<PromoterMeView>('/api/distribution/apply', {
    method: 'POST',
    body: {
      ...(body.realName ? { realName: body.realName } : {}),
      ...(body.nickname ? { nickname: body.nickname } : {}),
      ...(body.avatarUrl ? { avatarUrl: body.avatarUrl } : {}),
      ...(body.inviteToken ? { inviteToken: body.inviteToken } : {}),
    },
  });
}

/** GET /api/distribution/products/:id: whether the product pays commission, and whether the caller earns it. */
export function getProductDistribution(productId: number): Promise<ProductDistributionView> {
  return memberRequest<ProductDistributionView>(`/api/distribution/products/${encodeURIComponent(String(productId))}`);
}

/** POST /api/distribution/share-tokens: the promoter's token for a target (the same one every time). */
export function createShareToken(body: CreateShareTokenRequest): Promise<ShareTokenView> {
  return memberRequest<ShareTokenView>('/api/distribution/share-tokens', {
    method: 'POST',
    body: { targetType: body.targetType, ...(body.targetId ? { targetId: body.targetId } : {}) },
  });
}

/** POST /api/distribution/posters: what the poster canvas draws. */
export function createPoster(body: CreatePosterRequest): Promise<PosterView> {
  return memberRequest<PosterView>('/api/distribution/posters', {
    method: 'POST',
    body: { targetType: body.targetType, ...(body.targetId ? { targetId: body.targetId } : {}) },
  });
}

/** Visits and token look-ups (used at launch, in the main package) live in distribution-referral.ts. */

const paged = (page: number, pageSize: number) => ({ page, pageSize });

export function getEarnings(): Promise<EarningsView> {
  return memberRequest<EarningsView>('/api/distribution/me/earnings');
}

export function listCommissions(
  page: number,
  status?: CommissionStatus,
  pageSize: number = PAGINATION.defaultPageSize,
): Promise<CommissionRecordPage> {
  return memberRequest<CommissionRecordPage>('/api/distribution/me/commissions', {
    query: { ...paged(page, pageSize), status },
  });
}

export function listCustomers(page: number, pageSize: number = PAGINATION.defaultPageSize): Promise<CustomerPage> {
  return memberRequest<CustomerPage>('/api/distribution/me/customers', { query: paged(page, pageSize) });
}

export function listTeam(page: number, pageSize: number = PAGINATION.defaultPageSize): Promise<TeamPage> {
  return memberRequest<TeamPage>('/api/distribution/me/team', { query: paged(page, pageSize) });
}

export function listMaterials(page: number, pageSize: number = PAGINATION.defaultPageSize): Promise<MaterialPage> {
  return memberRequest<MaterialPage>('/api/distribution/materials', { query: paged(page, pageSize) });
}

export function listShareFunnels(
  page: number,
  pageSize: number = PAGINATION.defaultPageSize,
): Promise<ShareFunnelPage> {
  return memberRequest<ShareFunnelPage>('/api/distribution/me/shares', { query: paged(page, pageSize) });
}

export function listWithdrawals(page: number, pageSize: number = PAGINATION.defaultPageSize): Promise<WithdrawalPage> {
  return memberRequest<WithdrawalPage>('/api/distribution/me/withdrawals', { query: paged(page, pageSize) });
}

/** POST /api/distribution/me/withdrawals: retry with the same clientRequestId, never a new one, after a lost answer. */
export function createWithdrawal(body: CreateWithdrawalRequest): Promise<WithdrawalView> {
  return memberRequest<WithdrawalView>('/api/distribution/me/withdrawals', {
    method: 'POST',
    body: { amountFen: body.amountFen, clientRequestId: body.clientRequestId },
  });
}
