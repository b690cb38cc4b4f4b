/**
 * Percentages as people type them ("4.9", "4.9%", "０.０５％") into exact decimal fractions.
 * The decimal point is moved in the text, not by dividing a float, so "4.9" gives exactly
 * the double nearest 0.049 rather than 0.049000000000000002.
 */
const PERCENT_PATTERN = /^(?<int>\d*)(?:\.(?<frac>\d*))?$/;

export function parsePercent(text: string): number | null {
  const cleaned = text.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '');
  const match = PERCENT_PATTERN.exec(cleaned);
  if (!match?.groups || cleaned === '' || cleaned === '.') return null;
  const digits = `${match.groups.int ?? ''}${match.groups.frac ?? ''}`.replace(/^0+(?=\d)/, '') || '0';
  const scale = (match.groups.frac ?? '').length + 2;
  // digits x 10^-scale, written as a decimal string so Number() rounds once, correctly.
  const padded = digits.padStart(scale + 1, '0');
  return Number(`${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`);
}

/** A fraction shown for editing as a percentage ("0.049" -> "4.9"), without float noise. */
export function percentInput(fraction: number): string {
  return new Intl.NumberFormat('en', { maximumFractionDigits: 8, useGrouping: false }).format(fraction * 100);
}

/** A whole number as typed; null when the text is not one. */
export function parseWholeNumber(text: string): number | null {
  const cleaned = text.normalize('NFKC').trim();
  return /^\d{1,9}$/.test(cleaned) ? Number(cleaned) : null;
}
