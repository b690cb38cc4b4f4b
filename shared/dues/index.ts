/** The one model of a due: what falls due on a date, its status, what was paid towards it. */
export * from './types';
export * from './status';
export * from './paid';
export * from './recurrence';
export * from './model';
export * from './settle';
