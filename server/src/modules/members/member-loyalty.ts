import { Injectable } from '@nestjs/common';
import type { TierCode } from '@tidepool/shared';
import { LoyaltyService } from '../loyalty';

/** The loyalty numbers the member card and the till show. */
export interface LoyaltyNumbers {
  points: number;
  growth: number;
}

/** Reads a member's points and growth from the loyalty ledger (zero until they earn anything). */
@Injectable()
export class MemberLoyaltyReader {
  constructor(private readonly loyalty: LoyaltyService) {}

  async numbers(memberId: number): Promise<LoyaltyNumbers> {
    const { points, growth } = await this.loyalty.summary(memberId);
    return { points, growth };
  }

  /** Tiers of many members at once (NORMAL before any growth). */
  async tiersOf(memberIds: readonly number[]): Promise<Map<number, TierCode>> {
    const known = await this.loyalty.tiersOf(memberIds);
    return new Map(memberIds.map((id) => [id, known.get(id) ?? 'NORMAL']));
  }
}
