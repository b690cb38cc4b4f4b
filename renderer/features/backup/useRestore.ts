/**
 * The restore procedure as the backup section runs it: choose a file, preview it, check it with
 * its passphrase, confirm, then restore with a safety copy (restore.ts). Holds what the section
 * shows and words every outcome; the section only renders.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, type ReadBackupResult } from '../../../shared/backup';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { useUndo } from '../../app/undo-context';
import { writeFailure } from '../../app/write-failure';
import { backupErrorMessage } from './backup-messages';
import { checkChosen, inspectFile, openBackupFile, previewSummary, restoreChecked, type ChosenBackup } from './restore';

export function useRestore(options: { onRestored(message: string): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const { clear: clearUndo } = useUndo();
  const [chosen, setChosen] = useState<ChosenBackup | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [checked, setChecked] = useState<ReadBackupResult | null>(null);
  const [busy, setBusy] = useState(false);
  const message = (caught: unknown) => backupErrorMessage(t, caught);

  /** A file from the dialog, or one given (an automatic backup, the browser's safety copy). */
  const choose = async (given?: { fileName: string; content: string }) => {
    setError('');
    setChecked(null);
    let file: { fileName: string; content: string } | null;
    try {
      file = given ?? (await openBackupFile());
    } catch (caught) {
      setError(message(caught));
      return;
    }
    if (!file) return;
    try {
      setChosen(inspectFile(file));
      setPassphrase('');
    } catch (caught) {
      setChosen(null);
      setError(message(caught));
    }
  };

  const check = async () => {
    if (!chosen) return;
    setError('');
    setBusy(true);
    try {
      setChecked(await checkChosen(chosen, passphrase));
    } catch (caught) {
      setError(message(caught));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!checked) return;
    setChecked(null);
    setBusy(true);
    try {
      if ((await restoreChecked(db, checked)) === 'safety-not-saved') {
        setError(t('backup.safetyNotSaved'));
        return;
      }
      // The rows an Undo would put back belong to the data just replaced.
      clearUndo();
      setChosen(null);
      setPassphrase('');
      options.onRestored(t('backup.restored', { count: checked.summary.totalRows, date: format.date(checked.summary.createdAt.slice(0, 10)) }));
    } catch (caught) {
      setError(caught instanceof BackupError ? message(caught) : writeFailure(t, caught, (detail) => t('backup.restoreFailed', { message: detail })));
    } finally {
      setBusy(false);
    }
  };

  return {
    chosen,
    checked,
    passphrase,
    setPassphrase,
    error,
    busy,
    summary: previewSummary(chosen, checked),
    /** An encrypted file asks for its passphrase until it is checked. */
    needsPassphrase: chosen?.preview.encrypted === true && !checked,
    choose,
    check,
    restore,
    /** Drops the chosen file (the preview's Cancel). */
    cancel: () => setChosen(null),
    /** Closes the confirmation without restoring. */
    cancelConfirm: () => setChecked(null),
  };
}
