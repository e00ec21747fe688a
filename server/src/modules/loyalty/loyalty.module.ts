import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs';
import { GrowthService } from './growth.service';
import { LoyaltyJobs } from './loyalty-jobs';
import { LoyaltyReconciliationService } from './loyalty-reconciliation.service';
import { LoyaltySummaryService } from './loyalty-summary.service';
import { LoyaltyTransactions } from './loyalty-transactions';
import { LoyaltyController } from './loyalty.controller';
import { LOYALTY_ENTITIES } from './loyalty.entities';
import { DEFAULT_LOYALTY_OPTIONS, LOYALTY_OPTIONS } from './loyalty.options';
import { LoyaltyService } from './loyalty.service';
import { PointsExpiryService } from './points-expiry.service';
import { PointsLedgerService } from './points-ledger.service';
import { PointsLedgerWriter } from './points-ledger.writer';

/**
 * Points ledger, growth and tiers, the member's points and tier pages, and the nightly expiry and reconciliation.
 * Other modules use `LoyaltyService` only, never these tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature(LOYALTY_ENTITIES), JobsModule],
  controllers: [LoyaltyController],
  providers: [
    { provide: LOYALTY_OPTIONS, useValue: DEFAULT_LOYALTY_OPTIONS },
    LoyaltyTransactions,
    PointsLedgerWriter,
    PointsLedgerService,
    PointsExpiryService,
    GrowthService,
    LoyaltySummaryService,
    LoyaltyReconciliationService,
    LoyaltyService,
    LoyaltyJobs,
  ],
  exports: [LoyaltyService],
})
export class LoyaltyModule {}
