/** The sample household's cash, debit, savings, deposit and fund accounts. */
import type { Account } from '../domain/entities';
import { addDays, addMonths } from '../domain/calendar';
import { CNY, type SampleContext } from './context';

export function buildAccounts({ text, stamps, today, firstMonth }: SampleContext): Account[] {
  const openedOn = addDays(`${firstMonth}-01`, -1);
  const account = (id: string, name: string, kind: Account['kind'], openingBalance: number, institutionId?: string): Account => ({
    id,
    name,
    kind,
    currency: CNY,
    openingBalance,
    openedOn,
    archived: false,
    ...(institutionId ? { institutionId } : {}),
    ...stamps,
  });
  return [
    account('acct-cash', text.cash, 'cash', 80_000),
    account('acct-icbc-debit', text.icbcDebit, 'debit', 2_350_000, 'inst-icbc'),
    account('acct-cmb-savings', text.cmbSavings, 'savings', 6_800_000, 'inst-cmb'),
    account('acct-wechat', text.wechatChange, 'cash', 45_000, 'inst-wechat'),
    {
      ...account('acct-boc-deposit', text.bocDeposit, 'fixed-deposit', 10_000_000, 'inst-boc'),
      fixedDeposit: { maturityDate: addMonths(today, 7), annualRate: 0.0175 },
    },
    account('acct-fund', text.fund, 'wealth', 3_000_000),
  ];
}
