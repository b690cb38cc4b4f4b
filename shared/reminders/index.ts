export * from './plan';
export * from './zoned-time';
export * from './digest';
export * from './ics';
export * from './delivery';
export * from './limits';
