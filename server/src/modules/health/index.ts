// Public surface of the health module: what other modules may import (see .dependency-cruiser.cjs).
export * from './health.module';
