import { useTranslation } from 'react-i18next';
import type { CsvMapping } from '../../../shared/import';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';

const DATE_FORMATS: CsvMapping['dateFormat'][] = ['YYYY-MM-DD', 'YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD'];
const DELIMITERS: CsvMapping['delimiter'][] = [',', ';', '\t', '|'];
type Column = keyof CsvMapping['columns'];
const OPTIONAL: Column[] = ['payee', 'description', 'category', 'orderId', 'note'];

/** The column-mapping screen for a bank's CSV: which column is what, and how to read it. */
export function CsvMappingForm(props: { preview: { rows: string[][] }; mapping: CsvMapping; onChange(mapping: CsvMapping): void }) {
  const { t } = useTranslation();
  const { mapping } = props;
  const headerRow = mapping.headerLine > 0 ? (props.preview.rows[mapping.headerLine - 1] ?? []) : [];
  const width = Math.max(0, ...props.preview.rows.map((row) => row.length));
  const names = mapping.headerLine > 0 ? headerRow.map((cell, i) => cell.trim() || `#${i + 1}`) : Array.from({ length: width }, (_, i) => `#${i + 1}`);
  const columnOptions = [{ value: '', label: t('import.mapping.none') }, ...names.map((name) => ({ value: name, label: name }))];
  const set = (changes: Partial<CsvMapping>) => props.onChange({ ...mapping, ...changes });
  const setColumn = (column: Column, value: string) => {
    const columns = { ...mapping.columns };
    if (value) columns[column] = value;
    else if (column !== 'date') delete columns[column];
    props.onChange({ ...mapping, columns });
  };
  const single = mapping.columns.amount !== undefined || (mapping.columns.inflow === undefined && mapping.columns.outflow === undefined);
  const sampleRows = props.preview.rows.slice(mapping.headerLine, mapping.headerLine + 5);

  return (
    <section className="panel form wide" aria-label={t('import.mapping.title')}>
      <h2>{t('import.mapping.title')}</h2>
      <p className="muted">{t('import.mapping.hint')}</p>
      <div className="form-grid">
        <SelectField label={t('import.mapping.delimiter')} value={mapping.delimiter} options={DELIMITERS.map((d) => ({ value: d, label: t(`import.mapping.delimiters.${DELIMITERS.indexOf(d)}`) }))} onChange={(delimiter) => set({ delimiter })} />
        <TextField
          label={t('import.mapping.headerLine')}
          value={String(mapping.headerLine)}
          inputMode="numeric"
          onChange={(text) => {
            const line = Number(text);
            if (Number.isInteger(line) && line >= 0 && line <= 200) set({ headerLine: line });
          }}
          hint={t('import.mapping.headerLineHint')}
        />
        <SelectField label={t('import.mapping.dateFormat')} value={mapping.dateFormat} options={DATE_FORMATS.map((f) => ({ value: f, label: f }))} onChange={(dateFormat) => set({ dateFormat })} />
        <SelectField label={t('import.mapping.column.date')} value={mapping.columns.date} options={columnOptions} onChange={(value) => setColumn('date', value)} />
        <SelectField
          label={t('import.mapping.amountMode')}
          value={single ? 'single' : 'split'}
          options={[
            { value: 'single', label: t('import.mapping.single') },
            { value: 'split', label: t('import.mapping.split') },
          ]}
          onChange={(mode) => {
            const columns = { ...mapping.columns };
            if (mode === 'single') {
              delete columns.inflow;
              delete columns.outflow;
              columns.amount = columns.amount ?? names[0] ?? '';
            } else {
              delete columns.amount;
              columns.inflow = columns.inflow ?? names[0] ?? '';
              columns.outflow = columns.outflow ?? names[0] ?? '';
            }
            props.onChange({ ...mapping, columns });
          }}
        />
        {single ? (
          <SelectField label={t('import.mapping.column.amount')} value={mapping.columns.amount ?? ''} options={columnOptions} onChange={(value) => setColumn('amount', value)} />
        ) : (
          <>
            <SelectField label={t('import.mapping.column.inflow')} value={mapping.columns.inflow ?? ''} options={columnOptions} onChange={(value) => setColumn('inflow', value)} />
            <SelectField label={t('import.mapping.column.outflow')} value={mapping.columns.outflow ?? ''} options={columnOptions} onChange={(value) => setColumn('outflow', value)} />
          </>
        )}
        {OPTIONAL.map((column) => (
          <SelectField key={column} label={t(`import.mapping.column.${column}`)} value={mapping.columns[column] ?? ''} options={columnOptions} onChange={(value) => setColumn(column, value)} />
        ))}
        {single ? <CheckboxField label={t('import.mapping.negate')} checked={mapping.negateAmount} onChange={(negateAmount) => set({ negateAmount })} /> : null}
        <CheckboxField label={t('import.mapping.decimalComma')} checked={mapping.decimalComma} onChange={(decimalComma) => set({ decimalComma })} />
      </div>
      {sampleRows.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <table>
            <caption>{t('import.mapping.sample')}</caption>
            <thead>
              <tr>
                {names.map((name, i) => (
                  <th key={i} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sampleRows.map((row, r) => (
                <tr key={r}>
                  {names.map((_, i) => (
                    <td key={i}>{row[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
