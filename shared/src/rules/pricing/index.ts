export * from './types';
export * from './rate';
export * from './validate';
export * from './labels';
export * from './allocate-discounts';
