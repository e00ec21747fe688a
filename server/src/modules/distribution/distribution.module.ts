import { DropItem } from '../drops/drop-item.entity';
import { Drop } from '../drops/drop.entity';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/env';
import { AuthModule } from '../auth';
import { Product } from '../catalog/product.entity';
import { JobsModule } from '../jobs';
import { Member } from '../members/member.entity';
import { MembersModule } from '../members';
import { OrderItem } from '../orders/order-item.entity';
import { Order } from '../orders/order.entity';
import { PaymentRefund } from '../orders/payment-refund.entity';
import { OutboxModule } from '../outbox';
import { TransferModule } from '../payments';
import { StaffAccount } from '../staff/staff-account.entity';
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
        TypeOrmModule.forFeature([
          ...DISTRIBUTION_ENTITIES,
          Drop,
          DropItem,
          Member,
          StaffAccount,
          Product,
          Order,
          OrderItem,
          PaymentRefund,
        ]),
        TransferModule.forRoot(config),
        AuthModule,
        MembersModule,
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
