export * from './fen';
export * from './format';
export * from './allocate';
