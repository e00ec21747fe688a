export * from './types';
export * from './rate';
export * from './validate';
export * from './labels';
export * from './promotions';
export * from './coupons';
export * from './allocate-discounts';
export * from './quote';
