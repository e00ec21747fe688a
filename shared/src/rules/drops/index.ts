export * from './drop-window';
export * from './weekly-slot';
