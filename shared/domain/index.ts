export * from './primitives';
export * from './entities';
export * from './validation';
export * from './presets';
export * from './calendar';
export * from './cashflow';
export * from './percent';
export * from './settings';
