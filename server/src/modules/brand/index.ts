// Public surface of the brand module: what other modules may import (see .dependency-cruiser.cjs).
export * from './brand-settings.service';
export * from './brand.module';
export * from './loyalty-rules.service';
export * from './brand-rules-admin.module';
