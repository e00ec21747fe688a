// Public surface of the store-mode module: what other modules may import (see .dependency-cruiser.cjs).
export * from './store-mode.module';
export * from './store-mode.service';
