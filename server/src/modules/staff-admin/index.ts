// Public surface of the staff-admin module: what other modules may import (see .dependency-cruiser.cjs).
export * from './staff-admin.module';
