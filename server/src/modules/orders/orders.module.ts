import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { CouponsModule } from '../coupons/coupons.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MembersModule } from '../members/members.module';
import { Store } from '../stores/store.entity';
import { CheckoutService } from './checkout.service';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** Checkout pricing and orders: stock reserved at creation, released on cancel or timeout. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Order, OrderItem, Sku, Product, Store]),
    CouponsModule,
    LoyaltyModule,
    MembersModule,
  ],
  controllers: [OrdersController],
  providers: [CheckoutService, OrdersService],
  exports: [OrdersService, CheckoutService],
})
export class OrdersModule {}
