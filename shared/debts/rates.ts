/** Per-year rate from a rate stated on its own basis (PBoC convention: 360 days, 12 months). */
export function annualRateOf(rate: number, basis: 'annual' | 'monthly' | 'daily'): number {
  return basis === 'annual' ? rate : basis === 'monthly' ? rate * 12 : rate * 360;
}
