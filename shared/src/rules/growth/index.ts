export * from './growth-rules';
export * from './lifecycle';
export * from './golden-window';
export * from './holdout';
export * from './win-back';
export * from './campaigns';
export * from './purchase-facts';
export * from './segments';
