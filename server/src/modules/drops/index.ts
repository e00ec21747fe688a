// Public surface of the drops module: what other modules may import (see .dependency-cruiser.cjs).
export * from './drops.module';
export * from './drop-catalog.service';
