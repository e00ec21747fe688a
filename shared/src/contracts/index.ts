export * from './error-codes';
export * from './pagination.contract';
export * from './health.contract';
export * from './catalog.contract';
export * from './auth.contract';
export * from './members.contract';
export * from './loyalty.contract';
export * from './points-mall.contract';
