// Public surface of the reports module: what other modules may import (see .dependency-cruiser.cjs).
export * from './reports.module';
