// Public surface of the stores module: what other modules may import (see .dependency-cruiser.cjs).
export * from './signup-codes.service';
export * from './stores.module';
export * from './stores.service';
