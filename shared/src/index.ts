export * from './money';
export * from './contracts';
export * from './loyalty';
export * from './members';
export * from './member-code';
