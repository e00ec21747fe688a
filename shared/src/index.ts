export * from './money';
export * from './contracts';
