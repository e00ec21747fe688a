export * from './sha1';
export * from './member-code';
