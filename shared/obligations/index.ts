export * from './types';
export * from './status';
export * from './recurrence';
export * from './obligations';
export * from './debt-summary';
export * from './rates';
export * from './loan-schedule';
export * from './statements';
