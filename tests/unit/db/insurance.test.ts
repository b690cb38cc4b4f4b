import { afterEach, describe, expect, it } from 'vitest';
import type { ClearDayDatabase } from '../../../renderer/db/database';
import { renewPolicy } from '../../../renderer/features/insurance/db';
import { policyStatus } from '../../../shared/insurance';
import { policy, premiumPayment } from '../insurance/fixtures';
import { fakeClock, freshDatabase } from './helpers';

let db: ClearDayDatabase;
afterEach(() => db?.close());

describe('renewPolicy', () => {
  it('renews a one-year policy and returns the date of its renewal premium', async () => {
    db = freshDatabase();
    const medical = policy({ id: 'med', type: 'medical', premium: 36_800, paymentTerm: { kind: 'years', years: 1 }, coverageTerm: { kind: 'years', years: 1 }, effectiveDate: '2026-03-01' });
    await db.policies.add(medical);
    expect(await renewPolicy(db, 'med', fakeClock())).toBe('2027-03-01');
    const renewed = await db.policies.get('med');
    expect(renewed).toMatchObject({ coverageTerm: { kind: 'years', years: 2 }, paymentTerm: { kind: 'years', years: 2 }, renewalDate: '2028-03-01', effectiveDate: '2026-03-01' });
    const status = policyStatus(renewed ?? medical, [premiumPayment('med', '2026-03-01', 36_800), premiumPayment('med', '2027-03-01', 36_800)], '2027-06-01');
    expect(status.status).toBe('active');
    // Cover for life is not renewed, and nothing changes.
    await db.policies.add(policy({ id: 'ci' }));
    expect(await renewPolicy(db, 'ci', fakeClock())).toBeUndefined();
    expect((await db.policies.get('ci'))?.coverageTerm).toEqual({ kind: 'lifetime' });
  });
});
