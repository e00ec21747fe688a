// Public surface of the after-sales module: what other modules may import (see .dependency-cruiser.cjs).
export * from './after-sales.module';
