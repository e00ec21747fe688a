// Public surface of the segments module: what other modules may import (see .dependency-cruiser.cjs).
export * from './segments.module';
export * from './segments.service';
export * from './segment-sql';
