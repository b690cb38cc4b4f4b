/** The dues of a date window across every source: debts, bills, deposits and policies. */
export * from './due-window';
