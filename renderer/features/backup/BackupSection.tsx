import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupFileName, beforeRestoreFileName, inspectBackup } from '../../../shared/backup';
import type { AutomaticResult } from '../../../shared/domain';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/form/fields';
import { readSetting, writeSetting } from '../../db/settings';
import { BACKUP_PASSPHRASE_KEY, LAST_AUTOMATIC_KEY, backupPassphrase, makeBackup } from './db';
import { chooseBackupFolder, getAppInfo, isDesktop, listBackups, readBackupStreamed, resetBackupFolder, saveLargeTextFile, type BackupList } from '../../platform';
import { writeAutomaticBackup } from './auto-backup';
import { backupErrorMessage } from './backup-messages';
import { loadSafetyCopy } from './safety-copy';
import { useRestore } from './useRestore';
import { writeFailure } from '../../app/write-failure';

/** The translated message for a backup problem, naming where it is when the file says. */
function useBackupMessage() {
  const { t } = useTranslation();
  return useCallback((error: unknown): string => backupErrorMessage(t, error), [t]);
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
  const [saving, setSaving] = useState(false);
  const restore = useRestore({ onRestored: setStatus });
  const busy = saving || restore.busy;
  // Whether a backup passphrase is set: read again whenever the passphrase panel changes it.
  const [hasPassphrase, setHasPassphrase] = useState(false);
  const [passphraseVersion, setPassphraseVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void backupPassphrase(db).then((secret) => {
      if (!cancelled) setHasPassphrase(Boolean(secret));
    });
    return () => {
      cancelled = true;
    };
  }, [db, passphraseVersion]);

  const save = async () => {
    setStatus('');
    if (passphrase !== repeat) return setExportError(t('backup.passphraseMismatch'));
    if (passphrase && passphrase.length < 8) return setExportError(t('backup.passphraseShort'));
    setExportError('');
    setSaving(true);
    try {
      const now = new Date().toISOString();
      const { version } = await getAppInfo();
      // A file given no passphrase of its own is encrypted with the backup passphrase, if set.
      const secret = passphrase || (await backupPassphrase(db));
      const text = await makeBackup(db, { appVersion: version, now, ...(secret ? { passphrase: secret } : {}) });
      const result = await saveLargeTextFile(backupFileName(now, Boolean(secret)), text, ['cdbackup']);
      if (result.saved) setStatus(t(secret ? 'backup.savedEncrypted' : 'backup.savedPlain'));
    } catch (error) {
      setExportError(message(error));
    } finally {
      setSaving(false);
    }
  };

  const { chosen, checked, summary } = restore;
  return (
    <section className="panel form wide" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="muted">{t('backup.description')}</p>
      <BackupPassphrase hasPassphrase={hasPassphrase} onChanged={() => setPassphraseVersion((v) => v + 1)} />
      <div className="form-grid">
        <TextField
          label={t('backup.filePassphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          hint={t(hasPassphrase ? 'backup.filePassphraseHintSet' : 'backup.filePassphraseHintNone')}
          error={exportError || undefined}
        />
        <TextField label={t('backup.repeatPassphrase')} type="password" value={repeat} onChange={setRepeat} />
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t('backup.save')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void restore.choose()}>
          {t('backup.chooseRestore')}
        </button>
      </div>
      {isDesktop() ? (
        <AutomaticBackups hasPassphrase={hasPassphrase} onRestore={(fileName, content) => void restore.choose({ fileName, content })} describe={message} />
      ) : (
        <>
          <p className="muted">{t('backup.browserNote')}</p>
          <SafetyCopyButton key={status} onRestore={(fileName, content) => void restore.choose({ fileName, content })} />
        </>
      )}
      {status ? (
        <p className="status ok" role="status">
          {status}
        </p>
      ) : null}
      {chosen ? (
        <div className="panel" role="region" aria-label={t('backup.previewTitle')}>
          <h3>{t('backup.previewTitle')}</h3>
          {summary ? (
            <>
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
            </>
          ) : (
            <p>{t('backup.previewEncrypted', { file: chosen.fileName })}</p>
          )}
          {restore.needsPassphrase ? <TextField label={t('backup.restorePassphrase')} type="password" value={restore.passphrase} onChange={restore.setPassphrase} /> : null}
          <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" disabled={busy} onClick={() => void restore.check()}>
              {t('backup.checkAndRestore')}
            </button>
            <button type="button" className="secondary" onClick={restore.cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {restore.error ? (
        <p className="panel alert" role="alert">
          {restore.error}
        </p>
      ) : null}
      {checked ? (
        <ConfirmDialog
          title={t('backup.confirmTitle')}
          body={t('backup.confirmBody', { count: checked.summary.totalRows, date: format.date(checked.summary.createdAt.slice(0, 10)) })}
          confirm={t('backup.confirm')}
          onConfirm={() => void restore.restore()}
          onCancel={restore.cancelConfirm}
        />
      ) : null}
    </section>
  );
}

/** What the last action of a panel did: a confirmation, or what went wrong. */
function Outcome(props: { note: string; problem: string }) {
  return (
    <>
      {props.note ? (
        <p className="status ok" role="status">
          {props.note}
        </p>
      ) : null}
      {props.problem ? (
        <p className="field-error" role="alert">
          {props.problem}
        </p>
      ) : null}
    </>
  );
}

/**
 * The backup passphrase, on both platforms: it encrypts automatic backups, the copy taken before a
 * restore, and saved backups given no passphrase of their own. Without it, the page says plainly
 * that anyone with a backup file can read it.
 */
function BackupPassphrase(props: { hasPassphrase: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const save = async () => {
    setNote('');
    setProblem('');
    // Typed twice: a typo here would make every later backup unreadable.
    if (passphrase !== repeat) return setProblem(t('backup.passphraseMismatch'));
    if (passphrase && passphrase.length < 8) return setProblem(t('backup.passphraseShort'));
    try {
      // An empty passphrase stops the encryption.
      await writeSetting(db, BACKUP_PASSPHRASE_KEY, passphrase);
      setNote(t(passphrase ? 'backup.secret.encryptedNow' : 'backup.secret.plainNow'));
      setPassphrase('');
      setRepeat('');
    } catch (error) {
      setProblem(writeFailure(t, error, (detail) => t('backup.failed', { message: detail })));
    }
    props.onChanged();
  };
  return (
    <div className="panel" role="region" aria-label={t('backup.secret.title')}>
      <h3>{t('backup.secret.title')}</h3>
      <p className={props.hasPassphrase ? 'muted' : 'status warn'} role={props.hasPassphrase ? undefined : 'note'}>
        {t(props.hasPassphrase ? 'backup.secret.set' : 'backup.secret.none')}
      </p>
      <p className="muted">{t(isDesktop() ? 'backup.secret.descriptionDesktop' : 'backup.secret.descriptionBrowser')}</p>
      <div className="form-grid">
        <TextField label={t('backup.secret.passphrase')} type="password" value={passphrase} onChange={setPassphrase} hint={t('backup.secret.passphraseHint')} />
        <TextField label={t('backup.secret.repeat')} type="password" value={repeat} onChange={setRepeat} />
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        {/* Empty fields stop the encryption, which only means something once a passphrase is set. */}
        <button type="button" className="secondary" disabled={!passphrase && !repeat && !props.hasPassphrase} onClick={() => void save()}>
          {passphrase || repeat || !props.hasPassphrase ? t('backup.secret.setButton') : t('backup.secret.clearButton')}
        </button>
      </div>
      <Outcome note={note} problem={problem} />
    </div>
  );
}

/** Desktop only: where automatic backups go, the list, and restoring from one. */
function AutomaticBackups(props: { hasPassphrase: boolean; onRestore(fileName: string, content: string): void; describe(error: unknown): string }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const [list, setList] = useState<BackupList | null>(null);
  const [last, setLast] = useState<AutomaticResult | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  // Read again after every action: the folder and the list may both have changed.
  const [version, setVersion] = useState(0);
  const { describe } = props;
  useEffect(() => {
    let cancelled = false;
    Promise.all([listBackups(), readSetting(db, LAST_AUTOMATIC_KEY)])
      .then(([next, lastResult]) => {
        if (cancelled) return;
        setList(next);
        setLast(lastResult);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(describe(error));
      });
    return () => {
      cancelled = true;
    };
  }, [db, describe, version]);
  const act = async (action: () => Promise<unknown>, done?: string) => {
    setProblem('');
    setNote('');
    try {
      await action();
      if (done) setNote(done);
    } catch (error) {
      setProblem(props.describe(error));
    }
    setVersion((v) => v + 1);
  };

  return (
    <div className="panel" role="region" aria-label={t('backup.auto.title')}>
      <h3>{t('backup.auto.title')}</h3>
      <p className="muted">{t('backup.auto.description')}</p>
      {list ? (
        <p>
          {t(list.custom ? 'backup.auto.folderCustom' : 'backup.auto.folderDefault', { folder: list.folder })} {props.hasPassphrase ? t('backup.auto.encrypted') : t('backup.auto.notEncrypted')}
        </p>
      ) : null}
      {last ? (
        <p className={last.ok ? 'muted' : 'field-error'} role={last.ok ? undefined : 'alert'}>
          {last.ok
            ? t('backup.auto.lastOk', { when: format.instant(last.at) })
            : t('backup.auto.lastFailed', { when: format.instant(last.at), message: props.describe(new Error(last.error ?? '')) })}
        </p>
      ) : null}
      {list?.missing ? (
        <p className="panel alert" role="alert">
          {t('backup.auto.missing', { folder: list.folder })}
        </p>
      ) : null}
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" onClick={() => void act(() => writeAutomaticBackup(db, 'manual', new Date().toISOString()), t('backup.saved'))}>
          {t('backup.auto.now')}
        </button>
        <button type="button" className="secondary" onClick={() => void act(() => chooseBackupFolder())}>
          {t('backup.auto.chooseFolder')}
        </button>
        {list?.custom ? (
          <button type="button" className="secondary" onClick={() => void act(() => resetBackupFolder())}>
            {t('backup.auto.defaultFolder')}
          </button>
        ) : null}
      </div>
      <Outcome note={note} problem={problem} />
      {list && list.backups.length > 0 ? (
        <table>
          <caption>{t('backup.auto.listCaption', { count: list.backups.length })}</caption>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.fileName}>
                <th scope="row">
                  {format.instant(backup.createdAt)}
                  {backup.beforeRestore ? <span className="muted"> · {t('backup.auto.beforeRestore')}</span> : null}
                  {backup.encrypted ? <span className="muted"> · {t('backup.auto.encryptedTag')}</span> : null}
                </th>
                <td className="num">{t('attachments.size', { size: format.integer(Math.max(1, Math.round(backup.size / 1024))) })}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => void act(async () => props.onRestore(backup.fileName, await readBackupStreamed(backup.fileName)))} aria-label={t('backup.auto.restoreNamed', { name: backup.fileName })}>
                    {t('backup.auto.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function encryptedText(text: string): boolean {
  try {
    return inspectBackup(text).encrypted;
  } catch {
    return false;
  }
}

/** In a browser: the copy kept from before the last restore, to go back to it. */
function SafetyCopyButton(props: { onRestore(fileName: string, content: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [copy, setCopy] = useState<{ createdAt: string; text: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadSafetyCopy()
      .then((found) => {
        if (!cancelled) setCopy(found ?? null);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  if (!copy) return null;
  return (
    <button type="button" className="secondary" onClick={() => props.onRestore(beforeRestoreFileName(copy.createdAt, encryptedText(copy.text)), copy.text)}>
      {t('backup.restoreSafetyCopy', { date: format.date(copy.createdAt.slice(0, 10)) })}
    </button>
  );
}
