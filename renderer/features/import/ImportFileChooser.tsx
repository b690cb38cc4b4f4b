import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/domain';
import type { ImportFormat } from '../../../shared/import';
import { useFormat } from '../../app/format';
import { SelectField } from '../../components/form/fields';
import type { TextEncodingName } from './decode';
import type { ReadResult } from './pipeline';
import type { ChosenFile, ImportOptions } from './useImportFlow';

const FORMATS: ImportFormat[] = ['alipay', 'wechat', 'jd', 'csv', 'ofx', 'qif'];
const ENCODINGS: TextEncodingName[] = ['utf-8', 'gb18030', 'utf-16le', 'windows-1252'];

/** The first step of an import: the file, the account it goes into, and how to read it. */
export function ImportFileChooser(props: {
  file: ChosenFile | null;
  onChoose(files: FileList | null): void;
  account: Account | undefined;
  accounts: readonly Account[];
  onAccountChange(accountId: string): void;
  options: ImportOptions;
  onOptionsChange(options: ImportOptions): void;
  /** The file as read, to show what was detected. */
  read: ReadResult | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { file, account, options, read } = props;
  const setOptions = props.onOptionsChange;
  return (
    <section className="panel form wide" aria-label={t('import.chooseTitle')}>
      <h2>{t('import.chooseTitle')}</h2>
      <p className="muted">{t('import.howTo')}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="bill-file">{t('import.file')}</label>
          {/* The native control's own texts follow the browser, not the app's language: it is
              hidden, and a translated label opens it. */}
          <div className="file-picker">
            <input id="bill-file" className="file-input" type="file" accept=".csv,.xlsx,.ofx,.qfx,.qif,.txt" onChange={(event) => props.onChoose(event.target.files)} />
            <label htmlFor="bill-file" className="button secondary">
              {t('import.chooseFile')}
            </label>
            <span className="field-hint">{file ? t('import.fileChosen', { name: file.name, size: format.integer(file.bytes.length) }) : t('import.noFile')}</span>
          </div>
        </div>
        <SelectField label={t('import.account')} value={account?.id ?? ''} options={props.accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.currency})` }))} onChange={props.onAccountChange} />
        <SelectField
          label={t('import.format')}
          value={options.format}
          options={[{ value: 'auto' as const, label: read?.kind === 'bill' ? t('import.detected', { format: t(`import.formats.${read.bill.format}`) }) : t('import.auto') }, ...FORMATS.map((f) => ({ value: f, label: t(`import.formats.${f}`) }))]}
          onChange={(value) => setOptions({ ...options, format: value })}
        />
        <SelectField
          label={t('import.encoding')}
          value={options.encoding}
          options={[{ value: 'auto' as const, label: read && read.encoding !== 'xlsx' ? t('import.detected', { format: read.encoding.toUpperCase() }) : t('import.auto') }, ...ENCODINGS.map((e) => ({ value: e, label: e.toUpperCase() }))]}
          onChange={(value) => setOptions({ ...options, encoding: value })}
        />
        <SelectField
          label={t('import.neutral')}
          value={options.neutral}
          options={[
            { value: 'transfer' as const, label: t('import.neutralTransfer') },
            { value: 'skip' as const, label: t('import.neutralSkip') },
          ]}
          onChange={(value) => setOptions({ ...options, neutral: value })}
          hint={t('import.neutralHint')}
        />
        {read?.kind === 'bill' && read.bill.format === 'qif' ? (
          <SelectField
            label={t('import.qifDateOrder')}
            value={options.qifDateOrder}
            options={[
              { value: 'auto' as const, label: read.qifOrder === 'ambiguous' ? t('import.qifAmbiguous') : t('import.auto') },
              { value: 'mdy' as const, label: t('import.mdy') },
              { value: 'dmy' as const, label: t('import.dmy') },
            ]}
            onChange={(value) => setOptions({ ...options, qifDateOrder: value })}
          />
        ) : null}
      </div>
    </section>
  );
}
