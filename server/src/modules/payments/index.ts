// Public surface of the payments module: what other modules may import (see .dependency-cruiser.cjs).
export * from './payments.module';
export * from './transfer/dev-transfer.gateway';
export * from './transfer/transfer.gateway';
export * from './transfer/transfer.module';
export * from './wechatpay/wechatpay-notification.verifier';
export * from './wechatpay/wechatpay-raw-body';
export * from './wechatpay/wechatpay.gateway';
