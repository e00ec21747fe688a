// Public surface of the orders module: what other modules may import (see .dependency-cruiser.cjs).
export * from './checkout.service';
export * from './dto/orders.requests';
export * from './order-line-refunds.service';
export * from './order-reads.service';
export * from './order-refunds.service';
export * from './order-reservations';
export * from './orders.module';
export * from './orders.service';
export * from './promotions';
export * from './dto/admin-orders.requests';
export * from './order-timeline-sources';
