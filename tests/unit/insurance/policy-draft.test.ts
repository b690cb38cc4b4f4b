import { describe, expect, it } from 'vitest';
import { draftOfPolicy, emptyPolicyDraft, policyFromDraft, withType, type PolicyDraft } from '../../../renderer/features/insurance/policy-draft';

const base = (): PolicyDraft => ({
  ...emptyPolicyDraft('CNY', '2026-11-22', { insurerId: 'ins-pingan', memberId: 'member-self' }),
  productName: 'Ping An Fu',
  policyNumber: ' P1020 ',
  sumAssured: '500,000',
  premium: '¥8,600.00',
});

const CONTEXT = { today: '2026-11-22', birthDate: '1988-04-12' };

describe('the policy form draft', () => {
  it('turns typed text into a policy with the mainland defaults', () => {
    const result = policyFromDraft(base(), CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy).toMatchObject({
      insurerId: 'ins-pingan',
      productName: 'Ping An Fu',
      policyNumber: 'P1020',
      type: 'critical-illness',
      insured: { kind: 'member', memberId: 'member-self' },
      policyholderId: 'member-self',
      beneficiaries: { kind: 'legal-heirs' },
      sumAssured: 50_000_000,
      premium: 860_000,
      frequency: 'annual',
      paymentTerm: { kind: 'years', years: 20 },
      coverageTerm: { kind: 'to-age', age: 70 },
      effectiveDate: '2026-11-22',
      settledThrough: '2026-11-22',
      coolingOffDays: 15,
      waitingPeriodDays: 90,
      gracePeriodDays: 60,
      archived: false,
    });
  });

  it('names every field that does not parse, and saves nothing', () => {
    const result = policyFromDraft({ ...base(), productName: ' ', sumAssured: '', premium: '12.345', paymentTermValue: 'twenty', gracePeriodDays: '200', effectiveDate: '' }, CONTEXT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'productName', code: 'required' },
        { field: 'sumAssured', code: 'required' },
        { field: 'premium', code: 'too_many_decimals' },
        { field: 'paymentTerm', code: 'not_integer' },
        { field: 'gracePeriodDays', code: 'too_big', params: { maximum: 120 } },
        { field: 'effectiveDate', code: 'required' },
      ]),
    );
  });

  it('requires named beneficiaries to total exactly 100 % within each order', () => {
    const named = (list: [string, string, string][]) => policyFromDraft({ ...base(), beneficiaryKind: 'named', beneficiaries: list.map(([name, share, order]) => ({ name, share, order })) }, CONTEXT);
    const thirds = named([
      ['A', '33.33', '1'],
      ['B', '33.33', '1'],
      ['C', '33.34', '1'],
      ['D', '100', '2'],
    ]);
    expect(thirds.ok && thirds.policy.beneficiaries).toEqual({
      kind: 'named',
      list: [
        { name: 'A', sharePercent: 33.33, order: 1 },
        { name: 'B', sharePercent: 33.33, order: 1 },
        { name: 'C', sharePercent: 33.34, order: 1 },
        { name: 'D', sharePercent: 100, order: 2 },
      ],
    });
    const short = named([
      ['A', '60', '1'],
      ['B', '30', '1'],
    ]);
    expect(!short.ok && short.errors).toEqual([{ field: 'beneficiaries', code: 'share_total', params: { order: 1, total: '90.00' } }]);
    const bad = named([['', '1/2', '1']]);
    expect(!bad.ok && bad.errors.map((e) => `${e.field}:${e.code}`)).toEqual(expect.arrayContaining(['beneficiaries.0.share:percent', 'beneficiaries.0.name:required']));
  });

  it('changing the type brings its defaults unless the user changed them', () => {
    const medical = withType(base(), 'medical');
    expect(medical).toMatchObject({ waitingPeriodDays: '30', paymentTermKind: 'years', paymentTermValue: '1', coverageTermKind: 'years', coverageTermValue: '1' });
    expect(withType({ ...base(), waitingPeriodDays: '180' }, 'accident').waitingPeriodDays).toBe('180');
    expect(withType(base(), 'auto-compulsory').insuredKind).toBe('asset');
    expect(withType(withType(base(), 'auto-compulsory'), 'term-life').insuredKind).toBe('member');
  });

  it('reads a stored policy back into the same draft', () => {
    const draft: PolicyDraft = { ...base(), policyNumber: 'P1020', sumAssured: '500000.00', premium: '8600.00', beneficiaryKind: 'named', beneficiaries: [{ name: 'Wang Fang', share: '100', order: '1' }], subLimits: [{ name: 'Mild illness', amount: '150000.00' }], renewalDate: '2027-11-22', note: 'paper copy in the drawer' };
    const result = policyFromDraft(draft, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = { ...result.policy, id: 'p1', createdAt: '2026-11-22T00:00:00.000Z', updatedAt: '2026-11-22T00:00:00.000Z' };
    expect(draftOfPolicy(stored)).toEqual(draft);
  });

  it('keeps what editing must not change, and checks what the form hides or cannot know', () => {
    const edited = policyFromDraft(base(), { ...CONTEXT, existing: { archived: true, settledThrough: '2025-01-01' } });
    expect(edited.ok && [edited.policy.archived, edited.policy.settledThrough]).toEqual([true, '2025-01-01']);
    const todayUnpaid = policyFromDraft({ ...base(), paidUpToToday: false }, CONTEXT);
    expect(todayUnpaid.ok && todayUnpaid.policy.settledThrough).toBe('2026-11-21');
    // "To age 70" without a birth date cannot be placed.
    const noBirth = policyFromDraft(base(), { today: '2026-11-22' });
    expect(!noBirth.ok && noBirth.errors).toEqual([{ field: 'coverageTerm', code: 'needs_birth_date' }]);
    // Beneficiaries left over from a person do not block a policy on a car.
    const car = policyFromDraft({ ...withType(base(), 'auto-commercial'), assetDescription: '京A·12345', beneficiaryKind: 'named', beneficiaries: [{ name: 'X', share: '60', order: '1' }] }, CONTEXT);
    expect(car.ok && car.policy.beneficiaries).toEqual({ kind: 'legal-heirs' });
    // An error names the row the user sees, blank rows before it included.
    const rows = policyFromDraft({ ...base(), beneficiaryKind: 'named', beneficiaries: [{ name: '', share: '', order: '1' }, { name: '', share: '100', order: '1' }] }, CONTEXT);
    expect(!rows.ok && rows.errors).toEqual([{ field: 'beneficiaries.1.name', code: 'required' }]);
    const renewal = policyFromDraft({ ...base(), renewalDate: '2026-01-01' }, CONTEXT);
    expect(!renewal.ok && renewal.errors).toEqual([{ field: 'renewalDate', code: 'before_start' }]);
  });
});
