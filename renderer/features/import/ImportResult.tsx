import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportDone } from './useImportFlow';

/** The last step of an import: what was written, a way to the transactions, and undo. */
export function ImportResult(props: { done: ImportDone; onUndo(batchId: string): void }) {
  const { t } = useTranslation();
  const { done } = props;
  return (
    <section className="panel" role="status" aria-label={t('import.doneTitle')}>
      <h2>{t('import.doneTitle')}</h2>
      <p>
        {done.undone !== undefined
          ? t('import.undone', { count: done.undone })
          : t('import.done', { count: done.batch.imported, skipped: done.batch.skippedDuplicates, file: done.batch.fileName })}
      </p>
      {done.undone === undefined ? (
        <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
          <Link className="button" to={`/transactions?account=${encodeURIComponent(done.batch.accountId)}`}>
            {t('import.seeTransactions')}
          </Link>
          <button type="button" className="secondary" onClick={() => props.onUndo(done.batch.id)}>
            {t('import.undo')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
