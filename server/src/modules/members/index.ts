// Public surface of the members module: what other modules may import (see .dependency-cruiser.cjs).
export * from './member-code.service';
export * from './member-data-hooks';
export * from './member-loyalty';
export * from './members.module';
export * from './members.service';
export * from './vouchers.service';
