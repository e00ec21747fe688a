export * from './catalog.factory';
export * from './coupon.factory';
export * from './member.factory';
export * from './order.factory';
export * from './promoter.factory';
export * from './store.factory';
export { unique, uniquePhone } from './unique';
