export * from './terms';
export * from './status';
export * from './obligations';
export * from './coverage';
