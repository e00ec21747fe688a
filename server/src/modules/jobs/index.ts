// Public surface of the jobs module: what other modules may import (see .dependency-cruiser.cjs).
export * from './job-scheduler.service';
export * from './jobs.module';
