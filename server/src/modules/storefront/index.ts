// Public surface of the storefront module: what other modules may import (see .dependency-cruiser.cjs).
export * from './storefront.module';
export * from './storefront.service';
