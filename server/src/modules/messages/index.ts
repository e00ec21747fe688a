// Public surface of the messages module: what other modules may import (see .dependency-cruiser.cjs).
export * from './messages.module';
export * from './messages.service';
