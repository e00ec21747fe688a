import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CatalogModule } from '../catalog';
import { CouponsModule } from '../coupons';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { PosModule } from '../pos';
import { AdminCampaignsController } from './admin-campaigns.controller';
import { CAMPAIGN_ENTITIES } from './campaign.entities';
import { CampaignEngine } from './campaign-engine.service';
import { CampaignTriggersConsumer } from './campaign-triggers.consumer';
import { CampaignsAdminService } from './campaigns-admin.service';
import { CampaignsBootstrap } from './campaigns.bootstrap';

/** Campaigns as versioned data: definitions, evaluation from domain events, grants, budgets and their console. */
@Module({
  imports: [
    TypeOrmModule.forFeature(CAMPAIGN_ENTITIES),
    AuditModule,
    CatalogModule,
    CouponsModule,
    LoyaltyModule,
    MembersModule,
    OrdersModule,
    PosModule,
  ],
  controllers: [AdminCampaignsController],
  providers: [CampaignEngine, CampaignTriggersConsumer, CampaignsAdminService, CampaignsBootstrap],
  exports: [CampaignEngine],
})
export class CampaignsModule {}
