// Public surface of the points-mall module: what other modules may import (see .dependency-cruiser.cjs).
export * from './points-mall.module';
