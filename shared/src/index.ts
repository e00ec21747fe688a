export * from './money';
export * from './contracts';
export * from './rules';
export * from './state-machines';
export * from './time';
export * from './events';
