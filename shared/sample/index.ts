export * from './household';
export * from './scaled';
export { lastGeneratedDay } from './context';
export { payPastDues } from './payments';
