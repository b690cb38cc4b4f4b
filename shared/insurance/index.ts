export * from './terms';
export * from './status';
export * from './dues';
export * from './coverage';
export * from './renewal';
export * from './premiums-left';
