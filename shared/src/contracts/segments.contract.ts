import type { GroupRate } from '../rules/growth/win-back';
import type { SegmentRule } from '../rules/growth/segments';

/** A saved segment (人群) in the console. */
export interface SegmentView {
  id: number;
  name: string;
  description: string;
  rule: SegmentRule;
  /** Staff account ids. */
  createdBy: number;
  updatedBy: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/admin/segments and PUT /api/admin/segments/:id */
export interface SegmentRequest {
  name: string;
  description?: string;
  rule: SegmentRule;
}

/** GET /api/admin/segments */
export interface SegmentListQuery {
  page?: number;
  pageSize?: number;
  name?: string;
}

/** POST /api/admin/segments/count: the live count of an unsaved rule. */
export interface SegmentCountRequest {
  rule: SegmentRule;
}

export interface SegmentCountResponse {
  /** Members whose facts satisfy the rule (in the caller's store for a store manager). */
  count: number;
}

/** One row of GET /api/admin/segments/:id/members, highest spend first. */
export interface SegmentMemberView {
  memberId: number;
  /** Masked (138****0000); null for a deleted account. */
  phone: string | null;
  tier: string | null;
  stage: string;
  spend365Fen: number;
  orders365: number;
  lastPurchaseAt: string | null;
}

/** The win-back programme (流失挽回): one row of settings. */
export interface WinBackProgrammeView {
  enabled: boolean;
  /** Coupon template codes: wave 1, and the larger wave 2. Null until chosen (the job then does nothing). */
  wave1TemplateCode: string | null;
  wave2TemplateCode: string | null;
  /** Wave 2 goes to members who have not bought this many days after wave 1. */
  wave2AfterDays: number;
  /** Share held out (gets nothing), basis points: 1000 = 10%. */
  holdoutBp: number;
  updatedBy: number | null;
  updatedAt: string | null;
}

/** PUT /api/admin/win-back/programme */
export interface WinBackProgrammeRequest {
  enabled: boolean;
  wave1TemplateCode: string | null;
  wave2TemplateCode: string | null;
  wave2AfterDays: number;
  holdoutBp: number;
}

/** One wave's result: treated against held-out members, won back within the measure window of the wave. */
export interface WinBackWaveReport {
  wave: 1 | 2;
  treated: GroupRate;
  holdout: GroupRate;
  /** Treated rate minus holdout rate (0.12 = 12 points); null while either group is empty. */
  difference: number | null;
  ci95: [number, number] | null;
  /** Members whose measure window has not ended yet, and who have not bought: their outcome may still change. */
  pending: number;
}

/** GET /api/admin/win-back/report */
export interface WinBackReportResponse {
  measureDays: number;
  waves: WinBackWaveReport[];
}

/** What one run of the daily win-back job did (its job-run outcome). */
export interface WinBackRunResponse {
  date: string;
  entered: number;
  heldOut: number;
  returned: number;
  wave1Issued: number;
  wave2Sent: number;
  wave2Issued: number;
}
