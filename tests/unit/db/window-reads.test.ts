/**
 * Each screen reads its window, not the history: on the ten-year household (scale 1) and on one
 * year of it (scale 0.1), the rows a screen's loader reads are counted table by table through a
 * Dexie middleware. A screen whose reads grew with the history would read ten times as much.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../../shared/domain';
import { generateScaledHousehold, type SampleHousehold } from '../../../shared/sample';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { loadAccountsOverview } from '../../../renderer/features/accounts/queries';
import { loadBudgetMonth } from '../../../renderer/features/budget/queries';
import { duesCalendarText } from '../../../renderer/features/calendar/ics';
import { loadLatePayments } from '../../../renderer/features/debts/queries';
import { loadDues } from '../../../renderer/features/dues/loader';
import { loadPlannerView } from '../../../renderer/features/planner/queries';
import { freshDatabase } from './helpers';

const today = '2026-11-22';

/** Rows handed out per table since the last reset. */
function rowCounter(): { middleware: Middleware<DBCore>; counts: Map<string, number>; reset(): void } {
  const counts = new Map<string, number>();
  const add = (table: string, rows: number) => counts.set(table, (counts.get(table) ?? 0) + rows);
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'row-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table: DBCoreTable = down.table(name);
        return {
          ...table,
          get: async (request) => {
            const row = await table.get(request);
            if (row !== undefined) add(name, 1);
            return row;
          },
          getMany: async (request) => {
            const rows = await table.getMany(request);
            add(name, rows.filter((row) => row !== undefined).length);
            return rows;
          },
          query: async (request) => {
            const result = await table.query(request);
            add(name, result.result.length);
            return result;
          },
          openCursor: async (request) => {
            const cursor = await table.openCursor(request);
            if (cursor) add(name, 1);
            return cursor;
          },
        };
      },
    }),
  };
  return { middleware, counts, reset: () => counts.clear() };
}

async function store(db: ClearDayDatabase, household: SampleHousehold): Promise<void> {
  const tables = db.tables.map((table) => table.name);
  await db.transaction('rw', tables, async () => {
    for (const [name, rows] of Object.entries(household)) {
      if (tables.includes(name) && Array.isArray(rows) && rows.length > 0) await db.table(name).bulkAdd(rows);
    }
  });
}

interface Opened {
  db: ClearDayDatabase;
  counter: ReturnType<typeof rowCounter>;
  household: SampleHousehold;
}

async function open(scale: number): Promise<Opened> {
  const household = generateScaledHousehold({ scale, today, now: `${today}T08:00:00.000Z`, language: 'en' });
  const db = freshDatabase();
  const counter = rowCounter();
  db.use(counter.middleware);
  await store(db, household);
  return { db, counter, household };
}

/** Rows read per table by one screen's load. */
async function readsOf(opened: Opened, load: (db: ClearDayDatabase) => Promise<unknown>): Promise<Record<string, number>> {
  opened.counter.reset();
  await load(opened.db);
  return Object.fromEntries([...opened.counter.counts.entries()].sort());
}

const month = monthOf(today);
const monthEnd = `${month}-30`;
interface Screen {
  name: string;
  /** The windows it reads dues for, one per read (for the payment bound). */
  windows: { from: string; to: string }[];
  load: (db: ClearDayDatabase) => Promise<unknown>;
  /** Which of statements and transactions it still reads whole, and why (neither unless said). */
  whole?: Partial<Record<'statements' | 'transactions', string>>;
}
const SCREENS: Screen[] = [
  {
    name: 'dashboard (the month, and 90 days back to 7 ahead)',
    windows: [{ from: `${month}-01`, to: monthEnd }, { from: addDays(today, -90), to: addDays(today, 7) }],
    load: (db) => Promise.all([loadDues(db, { from: `${month}-01`, to: monthEnd }, today), loadDues(db, { from: addDays(today, -90), to: addDays(today, 7) }, today)]),
  },
  { name: 'calendar (a year back to the month end)', windows: [{ from: addDays(today, -365), to: monthEnd }], load: (db) => loadDues(db, { from: addDays(today, -365), to: monthEnd }, today) },
  { name: 'bell, tray and reminder plan (60 days either side)', windows: [{ from: addDays(today, -60), to: addDays(today, 60) }], load: (db) => loadDues(db, { from: addDays(today, -60), to: addDays(today, 60) }, today) },
  {
    name: '.ics export (the next twelve months)',
    windows: [{ from: today, to: addDays(today, 365) }],
    load: (db) => duesCalendarText(db, today, { now: `${today}T08:00:00.000Z`, describe: (due) => ({ summary: due.title, description: '' }) }),
  },
  // A year, and each card's last bill before it (where the walk back for older late bills stops).
  { name: 'late-payment page', windows: [{ from: addDays(today, -366 - 31), to: today }], load: (db) => loadLatePayments(db, today) },
  { name: 'payoff planner (the month)', windows: [{ from: `${month}-01`, to: monthEnd }], load: (db) => loadPlannerView(db, { currency: 'CNY', today }) },
  {
    name: 'accounts and net worth (the month)',
    windows: [{ from: `${month}-01`, to: monthEnd }],
    load: (db) => loadAccountsOverview(db, { baseCurrency: 'CNY', today }),
    whole: { transactions: "each account's balance sums all its transactions, until the balance checkpoints of issue 21" },
  },
];

const budgetOfSeptember = (db: ClearDayDatabase) => loadBudgetMonth(db, { month: '2026-09', currency: 'CNY', today });

/**
 * The payments a window may need: every payment of a loan, an installment plan or a policy (they
 * reshape a schedule, settle a plan, decide a lapse: bounded by the contract, not by the years of
 * use), and of cards, lines and bills only those towards dues in the window, stretched to the
 * latest statement.
 */
function paymentBound(household: SampleHousehold, window: { from: string; to: string }): number {
  const kinds = new Map(household.debts.map((debt) => [debt.id, debt.terms.kind]));
  const latestDue = new Map<string, string>();
  for (const statement of household.statements) if ((latestDue.get(statement.debtId) ?? '') < statement.dueDate) latestDue.set(statement.debtId, statement.dueDate);
  return household.payments.filter((payment) => {
    const kind = kinds.get(payment.sourceId);
    if (payment.source === 'policy' || kind === 'loan' || kind === 'installment') return true;
    const due = payment.dueDate ?? '';
    // A card's window stretches to its latest statement (its balance is what is owed now).
    const latest = latestDue.get(payment.sourceId);
    const from = latest !== undefined && latest < window.from ? latest : window.from;
    const to = latest !== undefined && latest > window.to ? latest : window.to;
    return due >= from && due <= to;
  }).length;
}

describe('screens read their window, not the history', () => {
  let year: Opened;
  let decade: Opened;
  beforeAll(async () => {
    year = await open(0.1);
    decade = await open(1);
  }, 120_000);
  afterAll(() => {
    year?.db.close();
    decade?.db.close();
  });

  it('holds ten times the history at scale 1', () => {
    expect(decade.household.transactions.length).toBe(100_000);
    expect(decade.household.transactions.length / year.household.transactions.length).toBeGreaterThanOrEqual(9);
  });

  for (const screen of SCREENS) {
    const bounded = (['statements', 'transactions'] as const).filter((table) => screen.whole?.[table] === undefined);
    it(`${screen.name}: ${bounded.join(' and ')} of its window only, payments within the contracts' bound`, async () => {
      const small = await readsOf(year, screen.load);
      const large = await readsOf(decade, screen.load);
      for (const table of bounded) {
        expect(large[table] ?? 0, `${table} at scale 1 vs 0.1`).toBeLessThanOrEqual(Math.max(50, 1.2 * (small[table] ?? 0)));
        // A year's window is a tenth of ten years, plus per card its latest statement and (the
        // late-payment page) its last bill before the window, where the walk back stops.
        expect(large[table] ?? 0, `${table} of ${decade.household[table].length}`).toBeLessThanOrEqual(0.1 * decade.household[table].length + 2 * decade.household.debts.length);
      }
      expect(large.payments ?? 0).toBeLessThanOrEqual(screen.windows.reduce((sum, window) => sum + paymentBound(decade.household, window), 0));
      expect(large.payments ?? 0).toBeLessThan(decade.household.payments.length / 2);
    });
  }

  it('budget of an earlier month: that month only; with a rollover category, from that category\'s first budget on', async () => {
    const reads = await readsOf(decade, budgetOfSeptember);
    const paidInSeptember = decade.household.payments.filter((p) => p.paidOn >= '2026-09-01' && p.paidOn <= '2026-09-30').length;
    expect(reads.payments ?? 0).toBeLessThanOrEqual(paymentBound(decade.household, { from: '2026-09-01', to: '2026-09-30' }) + paidInSeptember);
    // Rollover carries every month's unspent budget since the category's first budget: that is the rule's window.
    const rollover = new Set(decade.household.categories.filter((c) => c.rollover).map((c) => c.id));
    const firstRollover = decade.household.budgets.filter((b) => rollover.has(b.categoryId) && b.month <= '2026-09').reduce((first, b) => (b.month < first ? b.month : first), '2026-09');
    expect(rollover.size).toBeGreaterThan(0);
    expect(reads.transactions).toBe(decade.household.transactions.filter((t) => t.date >= `${firstRollover}-01` && t.date <= '2026-09-30').length);
    // Without rollover the month alone is read, at any length of history.
    for (const opened of [year, decade]) await opened.db.categories.where('id').anyOf([...rollover]).modify({ rollover: false });
    const small = await readsOf(year, budgetOfSeptember);
    const large = await readsOf(decade, budgetOfSeptember);
    const september = decade.household.transactions.filter((t) => t.date >= '2026-09-01' && t.date <= '2026-09-30').length;
    expect(large.transactions).toBe(september);
    expect(large.transactions ?? 0).toBeLessThanOrEqual(1.2 * (small.transactions ?? 0));
    for (const opened of [year, decade]) await opened.db.categories.where('id').anyOf([...rollover]).modify({ rollover: true });
  });
});
