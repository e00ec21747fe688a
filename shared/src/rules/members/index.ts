export * from './personal-data';
export * from './phone';
export * from './signup-gifts';
