// Public surface of the coupons module: what other modules may import (see .dependency-cruiser.cjs).
export * from './coupons.module';
export * from './coupons.service';
export * from './demo-coupon-centre';
export * from './coupon-templates-admin.service';
