export * from './brand-rules';
export * from './rule-versions';
