export * from './template-rules';
