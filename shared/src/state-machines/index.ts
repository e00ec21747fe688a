export * from './machine';
export * from './order';
export * from './after-sale';
