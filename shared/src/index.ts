export * from './money';
export * from './contracts';
export * from './rules';
