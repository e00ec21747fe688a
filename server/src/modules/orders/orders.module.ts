import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog';
import { CartModule } from '../cart';
import { CouponsModule } from '../coupons';
import { LoyaltyModule } from '../loyalty';
import { MembersModule } from '../members';
import { StoresModule } from '../stores';
import { AdminOrdersController } from './admin-orders.controller';
import { CheckoutService } from './checkout.service';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrderPaidConsumer } from './order-paid.consumer';
import { OrderPickupService } from './order-pickup.service';
import { OrderPickupsController } from './order-pickups.controller';
import { OrderPaymentsService } from './order-payments.service';
import { OrderLineRefundsService } from './order-line-refunds.service';
import { OrderRefundsService } from './order-refunds.service';
import { OrderItem } from './order-item.entity';
import { Order } from './order.entity';
import { OrdersController } from './orders.controller';
import { OrdersService, PaymentCloser } from './orders.service';
import { OrderReservations } from './order-reservations';
import { PaymentNotifyController } from './payment-notify.controller';
import { PaymentRefund } from './payment-refund.entity';
import { PromotionsController } from './promotions.controller';
import { OrderMemberDataHook } from './order-member-data.hook';
import { OrderReadsService } from './order-reads.service';
import { OrderTimelineSources } from './order-timeline-sources';
import { OrdersAdminService } from './orders-admin.service';

/** Checkout pricing and orders: stock reserved at creation, released on cancel or timeout. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Order, OrderItem, PaymentRefund]),
    CatalogModule,
    CartModule,
    CouponsModule,
    LoyaltyModule,
    MembersModule,
    StoresModule,
  ],
  controllers: [
    OrdersController,
    PaymentNotifyController,
    AdminOrdersController,
    OrderPickupsController,
    PromotionsController,
  ],
  providers: [
    CheckoutService,
    OrdersService,
    OrderReservations,
    OrderPaymentsService,
    { provide: PaymentCloser, useExisting: OrderPaymentsService },
    OrderPaidConsumer,
    OrderRefundsService,
    OrderMemberDataHook,
    OrderReadsService,
    OrderLineRefundsService,
    OrderFulfilmentService,
    OrderPickupService,
    OrderTimelineSources,
    OrdersAdminService,
  ],
  exports: [
    OrdersService,
    OrderReadsService,
    CheckoutService,
    OrderPaymentsService,
    OrderReservations,
    OrderRefundsService,
    OrderLineRefundsService,
    OrderFulfilmentService,
    OrderTimelineSources,
  ],
})
export class OrdersModule {}
