import { GrowthEntry } from './growth-entry.entity';
import { MemberTier } from './member-tier.entity';
import { PointsAccount } from './points-account.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsLot } from './points-lot.entity';
import { TierChange } from './tier-change.entity';

/** Every table the loyalty module owns (listed in database/entities.ts). */
export const LOYALTY_ENTITIES = [PointsAccount, PointsEntry, PointsLot, MemberTier, GrowthEntry, TierChange];
