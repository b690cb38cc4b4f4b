import { useTranslation } from 'react-i18next';
import type { Category } from '../../../shared/domain';
import type { CsvMapping, CsvPreview, PreparedRow } from '../../../shared/import';
import { useFormat } from '../../app/format';
import { VirtualTable } from '../../components/VirtualTable';
import { categoryName } from '../../components/categoryName';
import { CsvMappingForm } from './CsvMappingForm';
import type { ImportChoice } from './db';
import type { ReadResult } from './pipeline';
import type { ImportPreviewState, ImportProgress } from './useImportFlow';

/**
 * The second step of an import: the columns of a generic CSV mapped, then every row with what it
 * becomes (new, duplicate, skipped ...), its category and whether it is included; and the commit.
 */
export function ImportPreview(props: {
  read: ReadResult | null;
  mapping: CsvMapping | null;
  /** The CSV split by the mapping's delimiter; null unless a generic CSV is being mapped. */
  csvPreview: CsvPreview | null;
  onMappingChange(mapping: CsvMapping): void;
  preview: ImportPreviewState | null;
  /** The account's currency. */
  currency: string;
  categories: readonly Category[];
  progress: ImportProgress | null;
  onChoice(index: number, change: Partial<ImportChoice>): void;
  onCommit(): void;
}) {
  const { read, mapping, csvPreview, preview } = props;
  return (
    <>
      {read?.kind === 'csv' && mapping && csvPreview ? <CsvMappingForm preview={csvPreview} mapping={mapping} onChange={props.onMappingChange} /> : null}
      {preview ? <PreviewRows preview={preview} currency={props.currency} categories={props.categories} progress={props.progress} onChoice={props.onChoice} onCommit={props.onCommit} /> : null}
    </>
  );
}

function PreviewRows(props: {
  preview: ImportPreviewState;
  currency: string;
  categories: readonly Category[];
  progress: ImportProgress | null;
  onChoice(index: number, change: Partial<ImportChoice>): void;
  onCommit(): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { preview, currency, progress } = props;
  const setChoice = props.onChoice;
  const counts = countActions(preview);
  const included = preview.choices.filter((c) => c.include);
  const inflow = included.reduce((sum, c) => sum + Math.max(0, c.prepared.amount), 0);
  const outflow = included.reduce((sum, c) => sum + Math.max(0, -c.prepared.amount), 0);
  const expenseOptions = categoryOptionsFor('expense');
  const incomeOptions = categoryOptionsFor('income');

  function categoryOptionsFor(kind: 'expense' | 'income') {
    return [{ value: '', label: t('transactions.uncategorized') }, ...props.categories.filter((c) => c.kind === kind && !c.archived).map((c) => ({ value: c.id, label: categoryName(c, t) }))];
  }

  const statusOf = (row: PreparedRow): string => {
    switch (row.action) {
      case 'duplicate':
        return t('import.status.duplicate');
      case 'closed':
        return t('import.status.closed');
      case 'neutral-skipped':
        return t('import.status.neutralSkipped');
      case 'refund-of-closed':
        return t('import.status.refundOfClosed');
      default:
        if (row.kind === 'refund') return row.refundOfLine !== undefined ? t('import.status.refundOf', { line: row.refundOfLine }) : t('import.status.refund');
        if (row.kind === 'transfer') return t('import.status.transfer');
        return t('import.status.new');
    }
  };

  return (
    <section aria-label={t('import.previewTitle')}>
      <div className="page-header" style={{ marginBottom: 10 }}>
        <div>
          <h2 className="section-title">{t('import.previewTitle')}</h2>
          <p className="muted" role="status">
            {t('import.summary', { total: preview.prepared.length, add: included.length, duplicates: counts.duplicate, skipped: counts.skipped })}
            {' · '}
            {t('transactions.filteredTotals', { inflow: format.money(inflow, currency), outflow: format.money(outflow, currency) })}
          </p>
        </div>
        <div className="page-actions">
          <button type="button" disabled={included.length === 0 || progress !== null} onClick={() => props.onCommit()}>
            {t('import.commit', { count: included.length })}
          </button>
        </div>
      </div>
      {progress ? <progress max={Math.max(1, progress.total)} value={progress.written} aria-label={t('import.progress', { written: progress.written, total: progress.total })} /> : null}
      <VirtualTable
        label={t('import.previewTitle')}
        rows={preview.choices.map((choice, index) => ({ choice, index }))}
        rowKey={({ index }) => String(index)}
        rowClassName={({ choice }) => (choice.include ? undefined : 'excluded')}
        template="56px 132px 1.6fr 130px 1.2fr 1.2fr"
        height="min(60vh, 640px)"
        columns={[
          {
            header: t('import.include'),
            cell: ({ choice, index }) => (
              <input
                type="checkbox"
                checked={choice.include}
                onChange={(event) => setChoice(index, { include: event.target.checked })}
                aria-label={t('import.includeRow', { line: choice.prepared.row.line, payee: choice.prepared.row.payee })}
              />
            ),
          },
          { header: t('common.date'), cell: ({ choice }) => format.date(choice.prepared.row.date) },
          {
            header: t('transactions.payee'),
            cell: ({ choice }) => (
              <span title={choice.prepared.row.description}>
                {choice.prepared.row.payee || choice.prepared.row.description}
                {choice.prepared.row.description && choice.prepared.row.description !== choice.prepared.row.payee ? <span className="muted"> · {choice.prepared.row.description}</span> : null}
              </span>
            ),
          },
          {
            header: t('transactions.amount'),
            numeric: true,
            cell: ({ choice }) => <span className={choice.prepared.amount < 0 ? 'negative' : 'positive'}>{format.money(choice.prepared.amount, currency)}</span>,
          },
          {
            header: t('budget.category'),
            cell: ({ choice, index }) =>
              choice.prepared.kind === 'transfer' ? (
                t('transactions.kind.transfer')
              ) : (
                <select
                  value={choice.categoryId ?? ''}
                  onChange={(event) => setChoice(index, event.target.value ? { categoryId: event.target.value } : { categoryId: undefined })}
                  aria-label={t('import.categoryOf', { line: choice.prepared.row.line, payee: choice.prepared.row.payee })}
                >
                  {(choice.prepared.amount > 0 && choice.prepared.kind !== 'refund' ? incomeOptions : expenseOptions).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ),
          },
          {
            header: t('import.statusColumn'),
            cell: ({ choice }) => <span className={`import-status ${choice.prepared.action}`}>{statusOf(choice.prepared)}</span>,
          },
        ]}
      />
    </section>
  );
}

function countActions(preview: ImportPreviewState) {
  let duplicate = 0;
  let skipped = 0;
  for (const row of preview.prepared) {
    if (row.action === 'duplicate') duplicate += 1;
    else if (row.action !== 'import') skipped += 1;
  }
  return { duplicate, skipped };
}
