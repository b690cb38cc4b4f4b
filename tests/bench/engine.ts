/**
 * Engine benchmarks (issue 3): planPayoff with 50 debts over 360 months (target <= 5 ms median),
 * amortize for 360 periods, irr for 60 periods. Run through `npm run bench` (scripts/bench.mjs),
 * which bundles this file and calls `run`.
 */
import type { PayoffDebt, PayoffInput, PayoffStrategy } from '../../shared/finance';
import { amortize, budgetToBeDebtFreeBy, irr, planPayoff } from '../../shared/finance';
import type { Due } from '../../shared/dues';
import { planReminders, type ReminderPlanSettings } from '../../shared/reminders';
import { parseAlipay } from '../../shared/import';
import { alipayBill } from './bills';
import type { BenchOptions, BenchResult } from './harness';
import { formatTable, measure } from './harness';

export const SECTION = 'engine';

/** 50 debts of 20,000-87,000 CNY at 3 %-19 %, fixed minimums: a deterministic, realistic spread. */
export function benchDebts(): PayoffDebt[] {
  return Array.from({ length: 50 }, (_, i) => ({
    id: `debt-${String(i).padStart(2, '0')}`,
    balance: 2_000_000 + i * 137_000,
    annualRate: (300 + (i % 17) * 100) / 10_000,
    minPayment: 20_000 + (i % 5) * 1_000,
  }));
}

/** The input whose budget clears all 50 debts in exactly 360 months with the given strategy. */
export function payoffInput(strategy: PayoffStrategy): PayoffInput {
  const base: PayoffInput = { debts: benchDebts(), monthlyBudget: 0, strategy };
  const { monthlyBudget } = budgetToBeDebtFreeBy(base, 360);
  const input = { ...base, monthlyBudget };
  const months = planPayoff(input).months;
  if (months !== 360) throw new Error(`bench input should take 360 months, takes ${months}`);
  return input;
}

/** 100 unpaid dues spread over the next 60 days, a few of them late. */
export function reminderInput(): { dues: Due[]; settings: ReminderPlanSettings } {
  const dues = Array.from({ length: 100 }, (_, i): Due => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const dueDate = `2026-${i % 2 === 0 ? '12' : '01'}-${day}`.replace('2026-01', '2027-01');
    return {
      key: `debt:d${i}:${dueDate}`,
      source: 'debt',
      sourceId: `d${i}`,
      kind: 'loan',
      institutionId: `i${i % 12}`,
      title: `Debt ${i}`,
      dueDate,
      amount: 100_000 + i * 1_234,
      minimum: 100_000 + i * 1_234,
      paid: 0,
      currency: 'CNY',
      status: i % 10 === 0 ? 'overdue' : 'due',
      route: `/debts/d${i}`,
    };
  });
  const settings: ReminderPlanSettings = {
    leadDays: [7, 3, 1, 0],
    timeOfDay: '09:00',
    overdue: { enabled: true, maxDays: 7 },
    quietHours: { enabled: true, start: '22:00', end: '08:00' },
    overrides: {},
    timeZone: 'Asia/Shanghai',
    language: 'zh-CN',
    locale: 'zh-CN',
    institutionNames: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, `Bank ${i}`])),
  };
  return { dues, settings };
}

export function run(options: BenchOptions): BenchResult[] {
  const planRuns = options.quick ? { runs: 40, warmup: 20 } : { runs: 200, warmup: 30 };
  const smallRuns = options.quick ? { runs: 200, warmup: 20 } : { runs: 2_000, warmup: 200 };

  const avalanche = payoffInput('avalanche');
  const snowball = payoffInput('snowball');
  const loan = { principal: 100_000_000, annualRate: 0.049, termMonths: 360, method: 'annuity' as const, startDate: '2025-01-31' };
  const flows = [1_200_000, ...Array<number>(60).fill(-25_000)];
  const reminders = reminderInput();
  const billRows = options.quick ? 10_000 : 100_000;
  const bill = alipayBill(billRows);

  const results = [
    measure(SECTION, 'planPayoff 50 debts x 360 months (avalanche)', () => planPayoff(avalanche), { ...planRuns, target: 5 }),
    measure(SECTION, 'planPayoff 50 debts x 360 months (snowball)', () => planPayoff(snowball), { ...planRuns, target: 5 }),
    measure(SECTION, 'amortize 360 periods (annuity)', () => amortize(loan), smallRuns),
    measure(SECTION, 'irr 60 periods', () => irr(flows), smallRuns),
    measure(SECTION, `parse a ${billRows.toLocaleString('en-US')}-row Alipay CSV`, () => parseAlipay(bill), options.quick ? { runs: 3, warmup: 1 } : { runs: 7, warmup: 2 }),
    measure(SECTION, 'planReminders 100 dues x 60 days', () => planReminders(reminders.dues, reminders.settings, '2026-11-22T00:00:00.000Z', 60), { ...planRuns, target: 5 }),
  ];
  console.log(`\n${SECTION}\n${formatTable(results)}`);
  return results;
}
