/**
 * The words for an edit that collided with a change made elsewhere (Repository.saveEdit). Each
 * form keeps, as its base, the very row its draft was made from: a base read later could already
 * hold the other change and make the draft's older value look like the user's.
 */
import type { TFunction } from 'i18next';
import { EditConflictError } from '../../db/repository';

/** The message for an edit that collided with a change made elsewhere, or undefined for any other error. */
export function editConflictMessage(error: unknown, t: TFunction): string | undefined {
  return error instanceof EditConflictError ? t('common.editConflict') : undefined;
}
