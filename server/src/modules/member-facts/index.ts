// Public surface of the member-facts module: what other modules may import (see .dependency-cruiser.cjs).
export * from './member-facts.module';
export * from './member-facts.reader';
export * from './member-facts.service';
export * from './member-facts-recompute.job';
