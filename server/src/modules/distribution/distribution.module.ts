import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/env';
import { AuthModule } from '../auth';
import { CatalogModule } from '../catalog';
import { DropsModule } from '../drops';
import { JobsModule } from '../jobs';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { OutboxModule } from '../outbox';
import { TransferModule } from '../payments';
import { StaffModule } from '../staff';
import { WechatModule } from '../wechat';
import { AdminDistributionController } from './admin-distribution.controller';
import { CommissionLedger } from './commission-ledger';
import { CommissionReconciliation } from './commission-reconciliation';
import { CommissionsService } from './commissions.service';
import { DevDistributionController } from './dev-distribution.controller';
import { DistributionJobs } from './distribution-jobs';
import { DistributionController } from './distribution.controller';
import { DISTRIBUTION_ENTITIES } from './distribution.entities';
import { DISTRIBUTION_OPTIONS } from './distribution.options';
import { PromoterCenterService } from './promoter-center.service';
import { PromotersService } from './promoters.service';
import { ReferralsService } from './referrals.service';
import { WithdrawalsService } from './withdrawals.service';

/**
 * Distribution (分销): promoters, referral tokens and bindings, the commission ledger (separate from points),
 * settlement and withdrawals. See docs/adr/0010-distribution-ledger.md.
 */
@Module({})
export class DistributionModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DistributionModule,
      imports: [
        TypeOrmModule.forFeature(DISTRIBUTION_ENTITIES),
        TransferModule.forRoot(config),
        AuthModule,
        CatalogModule,
        DropsModule,
        MembersModule,
        OrdersModule,
        StaffModule,
        OutboxModule,
        JobsModule,
        WechatModule,
      ],
      controllers: [DistributionController, AdminDistributionController, DevDistributionController],
      providers: [
        { provide: DISTRIBUTION_OPTIONS, useValue: config.distribution },
        CommissionLedger,
        CommissionReconciliation,
        PromotersService,
        ReferralsService,
        CommissionsService,
        WithdrawalsService,
        PromoterCenterService,
        DistributionJobs,
      ],
      exports: [PromotersService],
    };
  }
}
