// Public surface of the cart module: what other modules may import (see .dependency-cruiser.cjs).
export * from './cart.module';
export * from './cart.service';
