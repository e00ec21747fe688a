// Public surface of the outbox module: what other modules may import (see .dependency-cruiser.cjs).
export * from './outbox.module';
export * from './outbox.service';
