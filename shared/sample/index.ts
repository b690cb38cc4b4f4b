export * from './household';
export * from './scaled';
