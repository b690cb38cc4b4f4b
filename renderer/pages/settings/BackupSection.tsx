import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupError, backupFileName, inspectBackup, type BackupSummary, type ReadBackupResult } from '../../../shared/backup';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/form/fields';
import { checkBackup, makeBackup, replaceAllData } from '../../db/backup';
import { getAppInfo, openTextFile, saveTextFile } from '../../platform';

const EXTENSIONS = ['cdbackup', 'json'];

/** The translated message for a backup problem, naming where it is when the file says. */
function useBackupMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof BackupError) return t(`backup.errors.${error.code}`, { detail: error.detail ?? '' });
    throw error;
  };
}

/** Back up everything to a file (optionally encrypted), and restore from one after a full check and a preview. */
export function BackupSection() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const message = useBackupMessage();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [exportError, setExportError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<{ fileName: string; text: string; summary: BackupSummary } | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [restoreError, setRestoreError] = useState('');
  const [checked, setChecked] = useState<ReadBackupResult | null>(null);

  const save = async () => {
    setStatus('');
    if (passphrase !== repeat) return setExportError(t('backup.passphraseMismatch'));
    if (passphrase && passphrase.length < 8) return setExportError(t('backup.passphraseShort'));
    setExportError('');
    setBusy(true);
    try {
      const now = new Date().toISOString();
      const { version } = await getAppInfo();
      const text = await makeBackup(db, { appVersion: version, now, ...(passphrase ? { passphrase } : {}) });
      const result = await saveTextFile(backupFileName(now, Boolean(passphrase)), text, ['cdbackup']);
      if (result.saved) setStatus(t('backup.saved'));
    } catch (error) {
      setExportError(message(error));
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    setRestoreError('');
    setChecked(null);
    const file = await openTextFile(EXTENSIONS);
    if (!file) return;
    try {
      setChosen({ fileName: file.fileName, text: file.content, summary: inspectBackup(file.content) });
    } catch (error) {
      setChosen(null);
      setRestoreError(message(error));
    }
  };

  const check = async () => {
    if (!chosen) return;
    setRestoreError('');
    setBusy(true);
    try {
      setChecked(await checkBackup(chosen.text, restorePassphrase || undefined));
    } catch (error) {
      setRestoreError(message(error));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!checked) return;
    setChecked(null);
    setBusy(true);
    try {
      // The current data is saved first, so a restore can itself be taken back.
      const now = new Date().toISOString();
      const { version } = await getAppInfo();
      const safety = await makeBackup(db, { appVersion: version, now });
      const saved = await saveTextFile(backupFileName(now, false).replace('clearday-', 'clearday-before-restore-'), safety, ['cdbackup']);
      if (!saved.saved) {
        setRestoreError(t('backup.safetyNotSaved'));
        return;
      }
      await replaceAllData(db, checked);
      setChosen(null);
      setRestorePassphrase('');
      setStatus(t('backup.restored', { count: checked.summary.totalRows, date: format.date(checked.summary.createdAt.slice(0, 10)) }));
    } catch (error) {
      setRestoreError(error instanceof BackupError ? message(error) : t('backup.restoreFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const summary = checked?.summary ?? chosen?.summary;
  return (
    <section className="panel form wide" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="muted">{t('backup.description')}</p>
      <div className="form-grid">
        <TextField label={t('backup.passphrase')} type="password" value={passphrase} onChange={setPassphrase} hint={t('backup.passphraseHint')} error={exportError || undefined} />
        <TextField label={t('backup.repeatPassphrase')} type="password" value={repeat} onChange={setRepeat} />
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t('backup.save')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void choose()}>
          {t('backup.chooseRestore')}
        </button>
      </div>
      {status ? (
        <p className="status ok" role="status">
          {status}
        </p>
      ) : null}
      {chosen && summary ? (
        <div className="panel" role="region" aria-label={t('backup.previewTitle')}>
          <h3>{t('backup.previewTitle')}</h3>
          <p>
            {t('backup.previewLine', { file: chosen.fileName, date: format.date(summary.createdAt.slice(0, 10)), version: summary.appVersion, count: summary.totalRows })}
            {summary.transactionDates ? ` ${t('backup.previewDates', { from: format.date(summary.transactionDates.earliest), to: format.date(summary.transactionDates.latest) })}` : ''}
          </p>
          <table>
            <caption className="visually-hidden">{t('backup.countsCaption')}</caption>
            <tbody>
              {Object.entries(summary.counts)
                .filter(([, count]) => count > 0)
                .map(([table, count]) => (
                  <tr key={table}>
                    <th scope="row">{t(`backup.tables.${table}`)}</th>
                    <td className="num">{format.integer(count)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {summary.encrypted ? <TextField label={t('backup.restorePassphrase')} type="password" value={restorePassphrase} onChange={setRestorePassphrase} /> : null}
          <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" disabled={busy} onClick={() => void check()}>
              {t('backup.checkAndRestore')}
            </button>
            <button type="button" className="secondary" onClick={() => setChosen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {restoreError ? (
        <p className="panel alert" role="alert">
          {restoreError}
        </p>
      ) : null}
      {checked ? (
        <ConfirmDialog
          title={t('backup.confirmTitle')}
          body={t('backup.confirmBody', { count: checked.summary.totalRows, date: format.date(checked.summary.createdAt.slice(0, 10)) })}
          confirm={t('backup.confirm')}
          onConfirm={() => void restore()}
          onCancel={() => setChecked(null)}
        />
      ) : null}
    </section>
  );
}
