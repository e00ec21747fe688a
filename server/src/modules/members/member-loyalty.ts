import { Injectable } from '@nestjs/common';
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
}
