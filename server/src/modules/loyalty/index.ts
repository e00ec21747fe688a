// Public surface of the loyalty module: what other modules may import (see .dependency-cruiser.cjs).
export * from './loyalty.module';
export * from './loyalty.service';
export { LEDGER_UNIT } from './loyalty-transactions';
