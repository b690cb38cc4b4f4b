import { afterEach, describe, expect, it } from 'vitest';
import { DomainValidationError, type Debt } from '../../../shared/domain';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { SCHEMA_V1, SCHEMA_VERSION } from '../../../renderer/db/database';
import { createRepositories } from '../../../renderer/db/repositories';
import { EntityNotFoundError } from '../../../renderer/db/repository';
import { fakeClock, freshDatabase } from './helpers';
import { LOAN_TERMS } from '../fixtures';

let db: ClearDayDatabase;
afterEach(() => db?.close());

function setup() {
  db = freshDatabase();
  return createRepositories(db, fakeClock());
}

const cmb = { name: 'CMB', preset: 'cmb' as const, kind: 'bank' as const, color: '#d6001c', archived: false };

const loanTerms: Debt['terms'] = LOAN_TERMS;

describe('database schema', () => {
  it('opens version 1 with every table the product needs', async () => {
    db = freshDatabase();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    for (const name of ['institutions', 'accounts', 'debts', 'payments', 'collectionContacts', 'importBatches', 'transactions', 'categories', 'budgets', 'recurringBills', 'policies', 'familyMembers', 'claims', 'attachments', 'settings', 'reminderSettings', 'reminderLog']) {
      expect(db.tables.map((t) => t.name)).toContain(name);
    }
  });

  it('refuses two budgets for the same category and month (unique compound index)', async () => {
    const repos = setup();
    const row = { month: '2026-11', categoryId: 'cat-food', amount: 100_000, currency: 'CNY' };
    await repos.budgets.add(row);
    await expect(repos.budgets.add(row)).rejects.toThrow();
    expect(await db.budgets.count()).toBe(1);
  });
});

describe('repositories', () => {
  it('adds, reads, updates and removes an institution with stamps from the clock', async () => {
    const repos = setup();
    const created = await repos.institutions.add(cmb);
    expect(created).toMatchObject({ id: 'id-1', name: 'CMB', createdAt: '2026-11-22T08:00:01.000Z', updatedAt: '2026-11-22T08:00:01.000Z' });
    expect(await repos.institutions.get('id-1')).toEqual(created);

    const updated = await repos.institutions.update('id-1', { name: 'China Merchants Bank' });
    expect(updated.name).toBe('China Merchants Bank');
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    await repos.institutions.remove('id-1');
    expect(await repos.institutions.list()).toEqual([]);
  });

  it('archives institutions and lists only active ones, by name', async () => {
    const repos = setup();
    await repos.institutions.add({ ...cmb, name: 'Zhongxin' });
    const a = await repos.institutions.add({ ...cmb, name: 'Alipay' });
    await repos.institutions.add({ ...cmb, name: 'Bank' });
    await repos.institutions.archive(a.id);
    expect((await repos.institutions.listActive()).map((i) => i.name)).toEqual(['Bank', 'Zhongxin']);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const repos = setup();
    const attempt = repos.institutions.add({ ...cmb, name: '  ', color: 'red' });
    await expect(attempt).rejects.toBeInstanceOf(DomainValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as DomainValidationError;
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual(['color', 'name']);
    expect(error.fieldErrors.find((e) => e.field === 'color')?.code).toBe('color');
    expect(await db.institutions.count()).toBe(0);
  });

  it('rejects float money, impossible dates and unknown debt kinds', async () => {
    const repos = setup();
    const base = { name: 'Loan', institutionId: 'i', currency: 'CNY', archived: false };
    await expect(repos.debts.add({ ...base, terms: { ...loanTerms, principal: 100.5 } })).rejects.toBeInstanceOf(DomainValidationError);
    await expect(repos.debts.add({ ...base, terms: { ...loanTerms, startDate: '2026-02-30' } })).rejects.toBeInstanceOf(DomainValidationError);
    await expect(repos.debts.add({ ...base, terms: { ...loanTerms, principal: -1 } })).rejects.toBeInstanceOf(DomainValidationError);
    await expect(repos.debts.add({ ...base, currency: 'yuan', terms: loanTerms })).rejects.toBeInstanceOf(DomainValidationError);
    expect(await db.debts.count()).toBe(0);
  });

  it('does not write an update that fails validation', async () => {
    const repos = setup();
    const debt = await repos.debts.add({ name: 'Loan', institutionId: 'i', currency: 'CNY', archived: false, terms: loanTerms });
    await expect(repos.debts.update(debt.id, { terms: { ...loanTerms, termMonths: 0 } })).rejects.toBeInstanceOf(DomainValidationError);
    expect((await repos.debts.get(debt.id))?.terms).toEqual(loanTerms);
    await expect(repos.debts.update('missing', { name: 'x' })).rejects.toBeInstanceOf(EntityNotFoundError);
  });

  it('lists debts by institution and payments by source in date order', async () => {
    const repos = setup();
    const bank = await repos.institutions.add(cmb);
    const loan = await repos.debts.add({ name: 'Loan', institutionId: bank.id, currency: 'CNY', archived: false, terms: loanTerms });
    await repos.debts.add({ name: 'Other', institutionId: 'elsewhere', currency: 'CNY', archived: false, terms: loanTerms });
    expect((await repos.debts.listByInstitution(bank.id)).map((d) => d.id)).toEqual([loan.id]);

    const payment = { source: 'debt' as const, sourceId: loan.id, amount: 299_260, currency: 'CNY', kind: 'full' as const };
    await repos.payments.add({ ...payment, dueDate: '2026-03-15', paidOn: '2026-03-14' });
    await repos.payments.add({ ...payment, dueDate: '2026-02-15', paidOn: '2026-02-15' });
    await repos.payments.add({ ...payment, source: 'policy', sourceId: loan.id, paidOn: '2026-01-01' });
    expect((await repos.payments.listForSource('debt', loan.id)).map((p) => p.paidOn)).toEqual(['2026-02-15', '2026-03-14']);
  });

  it('reads one month of transactions through the date index', async () => {
    const repos = setup();
    const row = { accountId: 'a', amount: -1_000, currency: 'CNY', payee: 'Shop', tags: [] };
    for (const date of ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01']) await repos.transactions.add({ ...row, date });
    expect((await repos.transactions.listInMonth('2026-11')).map((t) => t.date).sort()).toEqual(['2026-11-01', '2026-11-30']);
    expect((await repos.transactions.listLatest(2)).map((t) => t.date)).toEqual(['2026-12-01', '2026-11-30']);
  });
});

describe('saving an edit form over a change made elsewhere (saveEdit)', () => {
  const strip = <T extends { id: string; createdAt: string; updatedAt: string }>({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: T) => rest;

  it('writes only the fields the user changed: an edit of another field made meanwhile survives', async () => {
    const repos = setup();
    const base = await repos.institutions.add({ ...cmb, note: 'salary card' });
    // Another window renames it while this form is open.
    await repos.institutions.update(base.id, { name: 'China Merchants Bank' });
    const saved = await repos.institutions.saveEdit(base.id, { ...strip(base), color: '#000000' }, base);
    expect(saved).toMatchObject({ name: 'China Merchants Bank', color: '#000000', note: 'salary card' });
    expect(await db.institutions.get(base.id)).toEqual(saved);
  });

  it('a field both changed to different values is a conflict, and nothing is written', async () => {
    const repos = setup();
    const base = await repos.institutions.add(cmb);
    const elsewhere = await repos.institutions.update(base.id, { name: 'CMB (Shenzhen)' });
    await expect(repos.institutions.saveEdit(base.id, { ...strip(base), name: 'CMB credit', color: '#111111' }, base)).rejects.toMatchObject({ name: 'EditConflictError', fields: ['name'] });
    expect(await db.institutions.get(base.id)).toEqual(elsewhere);
    // The same value on both sides is no conflict.
    await expect(repos.institutions.saveEdit(base.id, { ...strip(base), name: 'CMB (Shenzhen)' }, base)).resolves.toMatchObject({ name: 'CMB (Shenzhen)' });
  });

  it('replace mode clears what the user cleared; update mode leaves fields the form does not carry', async () => {
    const repos = setup();
    const base = await repos.institutions.add({ ...cmb, note: 'to clear' });
    const { note: _note, ...withoutNote } = strip(base);
    expect(await repos.institutions.saveEdit(base.id, withoutNote, base)).not.toHaveProperty('note');
    const again = await repos.institutions.update(base.id, { note: 'kept' });
    expect(await repos.institutions.saveEdit(base.id, { ...withoutNote, color: '#222222' }, again, 'update')).toMatchObject({ note: 'kept', color: '#222222' });
  });

  it('validates the merged row, and a row gone meanwhile is not found', async () => {
    const repos = setup();
    const base = await repos.institutions.add(cmb);
    await expect(repos.institutions.saveEdit(base.id, { ...strip(base), name: '' }, base)).rejects.toBeInstanceOf(DomainValidationError);
    await db.institutions.delete(base.id);
    await expect(repos.institutions.saveEdit(base.id, strip(base), base)).rejects.toBeInstanceOf(EntityNotFoundError);
  });
});
