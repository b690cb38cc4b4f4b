export * from './household';
