import { useTranslation } from 'react-i18next';
import type { Account, ImportBatch } from '../../../shared/domain';
import { useFormat } from '../../app/format';

/** Earlier imports, newest first, each of which can be taken back. */
export function ImportHistory(props: { batches: readonly ImportBatch[]; accountsById: ReadonlyMap<string, Account>; onUndo(batchId: string): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="panel">
      <caption>{t('import.history')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.when')}</th>
          <th scope="col">{t('import.file')}</th>
          <th scope="col">{t('import.account')}</th>
          <th scope="col" className="num">
            {t('import.imported')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.batches.map((batch) => (
          <tr key={batch.id}>
            <td>{format.date(batch.createdAt.slice(0, 10))}</td>
            <td>
              {batch.fileName} <span className="muted">· {t(`import.formats.${batch.format}`)}</span>
            </td>
            <td>{props.accountsById.get(batch.accountId)?.name ?? ''}</td>
            <td className="num">{format.integer(batch.imported)}</td>
            <td className="row-actions">
              <button type="button" className="secondary" onClick={() => props.onUndo(batch.id)} aria-label={t('import.undoNamed', { file: batch.fileName })}>
                {t('import.undo')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
