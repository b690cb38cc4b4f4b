/** The sample household's recurring bills: property fee, phone plan, streaming. */
import type { RecurringBill } from '../domain/entities';
import { addDays, addMonths } from '../domain/calendar';
import { CNY, type SampleContext } from './context';

export function buildRecurringBills({ text, stamps, today }: SampleContext): RecurringBill[] {
  return [
    { id: 'bill-property', name: text.rent, amount: 45_000, currency: CNY, recurrence: { kind: 'quarterly' }, nextDate: addMonths(today, 1, 1), accountId: 'acct-icbc-debit', categoryId: 'cat-housing', archived: false, ...stamps },
    { id: 'bill-phone', name: text.phone, amount: 12_800, currency: CNY, recurrence: { kind: 'monthly' }, nextDate: addMonths(today, 1, 3), accountId: 'acct-wechat', categoryId: 'cat-communication', archived: false, ...stamps },
    { id: 'bill-streaming', name: text.streaming, amount: 2_500, currency: CNY, recurrence: { kind: 'monthly' }, nextDate: addDays(today, 9), accountId: 'acct-wechat', categoryId: 'cat-entertainment', archived: false, ...stamps },
  ];
}
