import type { DueStatus } from './types';

/**
 * Where a due stands on `today`. `lateAfter` is the last day that still counts as on time
 * (the due date plus any grace days); `tolerance` is the shortfall treated as paid in full
 * (容差, at least 10 CNY on Chinese cards by industry convention).
 */
export function dueStatus(input: {
  amount: number;
  minimum: number;
  paid: number;
  dueDate: string;
  lateAfter: string;
  today: string;
  tolerance?: number;
}): DueStatus {
  const tolerance = input.tolerance ?? 0;
  if (input.paid >= input.amount - tolerance) return 'paid';
  // The tolerance forgives a small shortfall of the full amount, not a missed minimum.
  if (input.today > input.lateAfter && input.paid < input.minimum) return 'overdue';
  return input.paid > 0 ? 'partly-paid' : 'due';
}
