/**
 * What the user sees when the database cannot be opened: what went wrong in words, and for a
 * damaged database a way back from a backup file. Rendered without the database, so texts come
 * straight from i18next.
 */
import i18next from 'i18next';
import { useState } from 'react';
import { BackupError, type ReadBackupResult } from '../../shared/backup';
import { ClearDayDatabase, DATABASE_NAME } from '../db/database';
import { isDesktop, listBackups, openLargeTextFile, readBackupStreamed } from '../platform';
import { loadBackupReader } from '../features/backup';
import type { StartupProblem } from '../db/storage-problem';

export function StartupError(props: { problem: StartupProblem; message: string }) {
  const t = i18next.t.bind(i18next);
  const [step, setStep] = useState<'idle' | 'passphrase' | 'working' | 'done'>('idle');
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');

  const [ready, setReady] = useState<ReadBackupResult | null>(null);
  // The passphrase that opened the chosen backup: the rebuilt database keeps it as the backup
  // passphrase, so the next automatic backups are encrypted like the one restored.
  const [opened, setOpened] = useState<string | undefined>(undefined);
  // The chosen backup must pass every check, and the user must see what it holds, before the
  // damaged database is deleted.
  const restore = async (chosen: { fileName: string; content: string }, secret?: string) => {
    setError('');
    try {
      const { checkBackup } = await loadBackupReader();
      const checked = await checkBackup(chosen.content, secret);
      setOpened(checked.summary.encrypted ? secret : undefined);
      setReady(checked);
      setStep('idle');
    } catch (caught) {
      if (caught instanceof BackupError && (caught.code === 'passphrase-needed' || caught.code === 'wrong-passphrase')) {
        setStep('passphrase');
        if (caught.code === 'wrong-passphrase') setError(t('backup.errors.wrong-passphrase'));
        return;
      }
      setStep('idle');
      setError(await describe(caught));
    }
  };
  const replace = async (checked: ReadBackupResult) => {
    setReady(null);
    setStep('working');
    try {
      await ClearDayDatabase.delete(DATABASE_NAME);
      const db = new ClearDayDatabase();
      await db.open();
      const { replaceAllData } = await loadBackupReader();
      await replaceAllData(db, checked, opened ? { backupPassphrase: opened } : {});
      db.close();
      setStep('done');
      location.reload();
    } catch (caught) {
      setStep('idle');
      setError(t('startup.replaceFailed', { message: await describe(caught) }));
    }
  };
  // The backup code loads with this screen's first restore, never at start-up.
  const describe = async (caught: unknown): Promise<string> => (await loadBackupReader()).backupErrorMessage(t, caught);
  // On the desktop the newest automatic backup is one click away.
  const latest = async () => {
    setError('');
    try {
      const list = await listBackups();
      const newest = list?.backups.find((backup) => !backup.beforeRestore) ?? list?.backups[0];
      if (!newest) return setError(t('startup.noAutomaticBackup'));
      const chosen = { fileName: newest.fileName, content: await readBackupStreamed(newest.fileName) };
      setFile(chosen);
      await restore(chosen);
    } catch (caught) {
      setError(await describe(caught));
    }
  };
  const choose = async () => {
    const chosen = await openLargeTextFile(['cdbackup', 'json']);
    if (!chosen) return;
    setFile(chosen);
    await restore(chosen);
  };

  return (
    <main className="startup-error" role="alert">
      <h1>{t('startup.failedTitle')}</h1>
      <p>{t(`startup.problem.${props.problem}`)}</p>
      {props.problem === 'damaged' ? (
        <>
          <p>{t('startup.restoreHint')}</p>
          {step === 'passphrase' && file ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void restore(file, passphrase);
              }}
            >
              <label htmlFor="startup-passphrase">{t('backup.restorePassphrase')}</label>
              <input id="startup-passphrase" type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
              <button type="submit">{t('startup.restore')}</button>
            </form>
          ) : (
            <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
              {isDesktop() ? (
                <button type="button" disabled={step === 'working'} onClick={() => void latest()}>
                  {t('startup.latestBackup')}
                </button>
              ) : null}
              <button type="button" className={isDesktop() ? 'secondary' : undefined} disabled={step === 'working'} onClick={() => void choose()}>
                {t('startup.chooseBackup')}
              </button>
            </div>
          )}
          {ready ? (
            <div className="panel">
              <p>{t('startup.confirmReplace', { date: ready.summary.createdAt.slice(0, 10), count: ready.summary.totalRows })}</p>
              {opened ? <p className="muted">{t('startup.keepsPassphrase')}</p> : null}
              <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
                <button type="button" className="danger" onClick={() => void replace(ready)}>
                  {t('startup.replace')}
                </button>
                <button type="button" className="secondary" onClick={() => setReady(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
          {error ? <p className="field-error">{error}</p> : null}
        </>
      ) : null}
      <details>
        <summary>{t('startup.details')}</summary>
        <pre>{props.message}</pre>
      </details>
    </main>
  );
}
