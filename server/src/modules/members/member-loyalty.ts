import { Injectable } from '@nestjs/common';

/** The loyalty numbers the member card and the till show. */
export interface LoyaltyNumbers {
  points: number;
  growth: number;
}

/**
 * Where the member card reads points and growth from. The loyalty module provides the real one; until a
 * member has loyalty entries (or while the module is not wired), everything is zero, as the issue asks.
 */
@Injectable()
export class MemberLoyaltyReader {
  numbers(memberId: number): Promise<LoyaltyNumbers> {
    void memberId;
    return Promise.resolve({ points: 0, growth: 0 });
  }
}
