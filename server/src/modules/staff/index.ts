// Public surface of the staff module: what other modules may import (see .dependency-cruiser.cjs).
export * from './password-hash';
export * from './staff.module';
export * from './staff.service';
export * from './staff-username';
