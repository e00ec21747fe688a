// Public surface of the audit module: what other modules may import (see .dependency-cruiser.cjs).
export * from './audit.module';
export * from './audit-log.service';
