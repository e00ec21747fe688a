export * from './tiers';
export * from './business-calendar';
export * from './member-day';
export * from './tier-benefits';
