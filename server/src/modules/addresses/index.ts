// Public surface of the addresses module: what other modules may import (see .dependency-cruiser.cjs).
export * from './addresses.module';
