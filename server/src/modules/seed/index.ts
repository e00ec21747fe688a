// Public surface of the seed module: what other modules may import (see .dependency-cruiser.cjs).
export * from './seed.module';
