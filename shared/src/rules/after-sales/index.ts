export * from './refund-amount';
