export * from './channels';
export * from './origins';
export * from './contract';
export * from './errors';
