import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ImportFileChooser } from './ImportFileChooser';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { ImportResult } from './ImportResult';
import { useImportFlow } from './useImportFlow';

/** Import bills from Alipay, WeChat Pay, JD, bank CSV, OFX or QIF: preview, then write. */
export function ImportPage() {
  const { t } = useTranslation();
  const flow = useImportFlow();
  const { lookups } = flow;

  if (lookups && lookups.accounts.length === 0) {
    return (
      <>
        <PageHeader title={t('import.title')} />
        <EmptyState title={t('import.noAccount.title')} description={t('import.noAccount.description')}>
          <Link className="button" to="/accounts">
            {t('accounts.add')}
          </Link>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <Link className="button secondary" to="/transactions">
            {t('import.backToTransactions')}
          </Link>
        }
      />
      <ImportFileChooser
        file={flow.file}
        onChoose={(files) => void flow.choose(files)}
        account={flow.account}
        accounts={lookups?.accounts ?? []}
        onAccountChange={flow.setAccountId}
        options={flow.options}
        onOptionsChange={flow.setOptions}
        read={flow.read}
      />

      {flow.alert ? (
        <p className="panel alert" role="alert">
          {flow.alert}
        </p>
      ) : null}

      {/* A result is shown only once the file is written and let go, so it never stands next to a preview. */}
      {flow.done ? <ImportResult done={flow.done} onUndo={(batchId) => void flow.undo(batchId)} /> : null}

      <ImportPreview
        read={flow.read}
        mapping={flow.mapping}
        csvPreview={flow.csvPreview}
        onMappingChange={flow.setMapping}
        preview={flow.preview}
        currency={flow.account?.currency ?? 'CNY'}
        categories={lookups?.categories ?? []}
        progress={flow.progress}
        onChoice={flow.setChoice}
        onCommit={() => void flow.commit()}
      />

      {lookups && lookups.batches.length > 0 ? <ImportHistory batches={lookups.batches} accountsById={lookups.accountsById} onUndo={(batchId) => void flow.undo(batchId)} /> : null}
    </>
  );
}
