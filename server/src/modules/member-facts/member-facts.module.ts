import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrandModule } from '../brand';
import { PromoterBindingsModule } from '../distribution';
import { JobsModule } from '../jobs';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { OutboxModule } from '../outbox';
import { PosModule } from '../pos';
import { AdminGrowthController } from './admin-growth.controller';
import { GrowthAdminService } from './growth-admin.service';
import { MemberFactsConsumer } from './member-facts.consumer';
import { MemberFactsRow } from './member-facts.entity';
import { MemberFactsReader } from './member-facts.reader';
import { MemberFactsRecomputeJob } from './member-facts-recompute.job';
import { MemberFactsService } from './member-facts.service';
import { MemberStageChange } from './member-stage-change.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([MemberFactsRow, MemberStageChange]),
    BrandModule,
    PromoterBindingsModule,
    JobsModule,
    LoyaltyModule,
    MembersModule,
    OrdersModule,
    OutboxModule,
    PosModule,
  ],
  controllers: [AdminGrowthController],
  providers: [MemberFactsReader, MemberFactsService, MemberFactsConsumer, MemberFactsRecomputeJob, GrowthAdminService],
  exports: [MemberFactsReader, MemberFactsService, MemberFactsRecomputeJob],
})
export class MemberFactsModule {}
