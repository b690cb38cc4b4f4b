export * from './plan';
export * from './zoned-time';
