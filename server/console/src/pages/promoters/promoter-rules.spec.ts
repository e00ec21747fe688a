import { PROMOTER_STATUSES } from '@tidepool/shared';
import { describe, expect, it } from 'vitest';
import { availableAndDebt, BINDING_OUTCOME_LABELS, promoterActions } from './promoter-rules';

describe('promoterActions', () => {
  it('offers review for applications, disable for approved, re-enable for the rest', () => {
    expect(promoterActions('PENDING')).toEqual(['approve', 'reject']);
    expect(promoterActions('APPROVED')).toEqual(['disable']);
    expect(promoterActions('DISABLED')).toEqual(['enable']);
    expect(promoterActions('REJECTED')).toEqual(['enable']);
    for (const status of PROMOTER_STATUSES) expect(Array.isArray(promoterActions(status))).toBe(true);
  });
});

describe('availableAndDebt', () => {
  it('never shows a negative available balance', () => {
    expect(availableAndDebt(-1_250)).toEqual({ availableFen: 0, debtFen: 1_250 });
    expect(availableAndDebt(3_000)).toEqual({ availableFen: 3_000, debtFen: 0 });
  });
});

describe('binding outcome labels', () => {
  it('are Chinese for every outcome', () => {
    for (const label of Object.values(BINDING_OUTCOME_LABELS)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
  });
});
