export * from './brand-rules';
