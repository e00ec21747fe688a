export * from './machine';
export * from './order';
