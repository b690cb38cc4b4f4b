/**
 * A failed write in words. A full disk (IndexedDB's QuotaExceededError, which Dexie may wrap) is
 * said as such, with what to do, wherever the write happened; anything else gets the caller's
 * sentence with the error's own message as detail.
 */
import type { TFunction } from 'i18next';
import { startupProblemOf } from '../db/storage-problem';

export function writeFailure(t: TFunction, error: unknown, otherwise: (detail: string) => string): string {
  if (startupProblemOf(error) === 'quota') return t('storage.fullNothingSaved');
  return otherwise(error instanceof Error ? error.message : String(error));
}
