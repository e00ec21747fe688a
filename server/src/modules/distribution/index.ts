// Public surface of the distribution module: what other modules may import (see .dependency-cruiser.cjs).
export * from './demo-distribution';
export * from './distribution.module';
export * from './promoter-bindings.reader';
