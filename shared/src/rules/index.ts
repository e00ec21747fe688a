export * from './loyalty';
export * from './members';
export * from './member-code';
export * from './points';
export * from './pricing';
export * from './drops';
export * from './distribution';
export * from './after-sales';
