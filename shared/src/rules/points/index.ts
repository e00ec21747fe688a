export * from './points-earning';
export * from './points-ledger';
export * from './in-memory-points-ledger';
