// Public surface of the win-back module: what other modules may import (see .dependency-cruiser.cjs).
export * from './win-back.module';
export * from './win-back.service';
