// Public surface of the wechat module: what other modules may import (see .dependency-cruiser.cjs).
export * from './wechat-dev.module';
export * from './wechat.errors';
export * from './wechat.gateway';
export * from './wechat.module';
