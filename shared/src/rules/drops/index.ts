export * from './drop-window';
