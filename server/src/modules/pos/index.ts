// Public surface of the pos module: what other modules may import (see .dependency-cruiser.cjs).
export * from './pos.module';
export * from './till-reads.service';
