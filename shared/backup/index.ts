/** Backups: the versioned file format, restore validation, schema upgrades and rotation. */
export * from './errors';
export * from './encoding';
export * from './crypto';
export * from './json';
export * from './tables';
export * from './upgrade';
export * from './format';
export * from './rotation';
