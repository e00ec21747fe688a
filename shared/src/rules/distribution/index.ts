export * from './binding';
export * from './commission';
export * from './mask';
