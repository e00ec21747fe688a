// Public surface of the auth module: what other modules may import (see .dependency-cruiser.cjs).
export * from './auth-token.service';
export * from './auth.module';
