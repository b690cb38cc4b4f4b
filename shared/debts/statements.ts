/**
 * The statement and due dates of a card or credit-line bill for a month, from its terms, so
 * the user types only what the bill says (balance, minimum) and never a date twice.
 */
import { addMonths } from '../domain/calendar';
import type { DebtTerms } from '../domain/entities';
import { cardCycle, minimumPayment } from '../finance';

type BilledTerms = Extract<DebtTerms, { kind: 'credit-card' } | { kind: 'credit-line' }>;

export function statementDates(terms: BilledTerms, month: string): { statementDate: string; dueDate: string } {
  const first = `${month}-01`;
  if (terms.kind === 'credit-card') {
    const statementDate = addMonths(first, 0, terms.statementDay);
    // A purchase on the statement day itself lands on that statement: its cycle gives the due date.
    return { statementDate, dueDate: cardCycle({ statementDay: terms.statementDay, due: terms.due, countBothEnds: terms.countBothEnds }, statementDate).dueDate };
  }
  const statementDate = addMonths(first, 0, terms.billDay);
  // A due day after the bill day falls in the same month; otherwise in the next.
  const dueDate = terms.dueDay > terms.billDay ? addMonths(first, 0, terms.dueDay) : addMonths(first, 1, terms.dueDay);
  return { statementDate, dueDate };
}

/** The minimum a card's rule asks for on a statement of purchases only; a line's bill is due in full. */
export function suggestedMinimum(terms: BilledTerms, balance: number): number {
  if (terms.kind === 'credit-line') return balance;
  return minimumPayment({ purchases: balance, rule: terms.minimumPayment, statementBalance: balance }).minimum;
}
