import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { WechatModule } from '../wechat';
import { AdminDropsController } from './admin-drops.controller';
import { DropCatalog } from './drop-catalog.service';
import { DropRemindersService } from './drop-reminders.service';
import { DropStock } from './drop-stock.service';
import { DropTicker } from './drop-ticker.service';
import { DROP_ENTITIES } from './drops.entities';
import { DropsAdminService } from './drops-admin.service';
import { DropsController } from './drops.controller';
import { DropsService } from './drops.service';

/** Weekly group-buy drops: limited units in a window, sold through ordinary orders at the drop price. */
@Module({
  imports: [
    TypeOrmModule.forFeature([...DROP_ENTITIES]),
    CatalogModule,
    LoyaltyModule,
    MembersModule,
    OrdersModule,
    WechatModule,
  ],
  controllers: [DropsController, AdminDropsController],
  providers: [DropCatalog, DropStock, DropsService, DropsAdminService, DropRemindersService, DropTicker],
  exports: [DropsAdminService, DropCatalog],
})
export class DropsModule {}
