import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccountKindSchema, percentInput, parsePercent, type Account } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCurrencyOptions } from '../../components/form/currency';
import { CheckboxField, SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { saveExchangeRate } from './db';
import { loadAccountsOverview } from './queries';
import { FormPanel } from '../../components/form/FormPanel';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';

type Kind = Account['kind'];
const KINDS = AccountKindSchema.options;

interface Draft {
  id?: string;
  /** The stored row this draft was made from, as the form opened it: what saveEdit compares with. */
  base?: Account;
  name: string;
  kind: Kind;
  institutionId: string;
  currency: string;
  opening: string;
  openedOn: string;
  maturityDate: string;
  rate: string;
  note: string;
  archived: boolean;
}

function draftOf(account: Account | undefined, currency: string): Draft {
  if (!account) return { name: '', kind: 'debit', institutionId: '', currency, opening: '', openedOn: localToday(), maturityDate: '', rate: '', note: '', archived: false };
  return {
    id: account.id,
    base: account,
    name: account.name,
    kind: account.kind,
    institutionId: account.institutionId ?? '',
    currency: account.currency,
    opening: decimalText(account.openingBalance, account.currency),
    openedOn: account.openedOn,
    maturityDate: account.fixedDeposit?.maturityDate ?? '',
    rate: account.fixedDeposit ? percentInput(account.fixedDeposit.annualRate) : '',
    note: account.note ?? '',
    archived: account.archived,
  };
}

function AccountForm(props: { initial: Draft; onDone(): void }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const currencies = useCurrencyOptions();
  const institutions = useLiveQuery(() => db.institutions.toArray(), [db]) ?? [];
  const label = (field: string) => t(`accounts.field.${field}`);
  const { draft, set, errors, problem, save } = useRecordForm<Draft, Account>({
    initial: props.initial,
    fieldLabel: (field) => label(field === 'openingBalance' ? 'opening' : field.startsWith('fixedDeposit') ? 'maturityDate' : field),
    write: (draft) => {
      const messages: Record<string, string> = {};
      const opening = readMoney(draft.opening || '0', draft.currency, t, label('opening'), { allowNegative: true });
      if (opening.error) messages.opening = opening.error;
      let fixedDeposit: Account['fixedDeposit'];
      if (draft.kind === 'fixed-deposit') {
        const rate = parsePercent(draft.rate);
        if (rate === null) messages.rate = t(draft.rate.trim() ? 'validation.percent' : 'validation.required', { field: label('rate') });
        if (!draft.maturityDate) messages.maturityDate = t('validation.required', { field: label('maturityDate') });
        if (rate !== null && draft.maturityDate) fixedDeposit = { maturityDate: draft.maturityDate, annualRate: rate };
      }
      if (Object.keys(messages).length > 0) return invalid(messages);
      const row = {
        name: draft.name,
        kind: draft.kind,
        ...(draft.institutionId ? { institutionId: draft.institutionId } : {}),
        currency: draft.currency,
        openingBalance: opening.value ?? 0,
        openedOn: draft.openedOn,
        archived: draft.archived,
        ...(fixedDeposit ? { fixedDeposit } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      };
      // A full replacement, so clearing the deposit terms or the institution really clears them.
      return draft.id ? repositories.accounts.saveEdit(draft.id, row, props.initial.base) : repositories.accounts.add(row);
    },
    onSaved: () => props.onDone(),
  });

  return (
    <FormPanel title={draft.id ? t('accounts.editTitle') : t('accounts.addTitle')} onSave={save} onCancel={props.onDone} problem={problem}>
      <div className="form-grid">
        <TextField label={label('name')} value={draft.name} onChange={(name) => set({ name })} error={errors.name} autoFocus />
        <SelectField label={label('kind')} value={draft.kind} options={KINDS.map((kind) => ({ value: kind, label: t(`accounts.kind.${kind}`) }))} onChange={(kind) => set({ kind })} />
        <SelectField
          label={label('institution')}
          value={draft.institutionId}
          options={[{ value: '', label: t('accounts.noInstitution') }, ...institutions.map((i) => ({ value: i.id, label: i.name }))]}
          onChange={(institutionId) => set({ institutionId })}
        />
        <SelectField label={label('currency')} value={draft.currency} options={currencies} onChange={(currency) => set({ currency })} error={errors.currency} />
        <TextField
          label={label('opening')}
          value={draft.opening}
          inputMode="decimal"
          onChange={(opening) => set({ opening })}
          error={errors.opening}
          hint={draft.kind === 'wealth' ? t('accounts.wealthOpeningHint') : t('accounts.openingHint')}
        />
        <TextField label={label('openedOn')} type="date" value={draft.openedOn} onChange={(openedOn) => set({ openedOn })} error={errors.openedOn} />
        {draft.kind === 'fixed-deposit' ? (
          <>
            <TextField label={label('maturityDate')} type="date" value={draft.maturityDate} onChange={(maturityDate) => set({ maturityDate })} error={errors.maturityDate} hint={t('accounts.maturityHint')} />
            <TextField label={label('rate')} value={draft.rate} inputMode="decimal" onChange={(rate) => set({ rate })} error={errors.rate} />
          </>
        ) : null}
        <TextField label={label('note')} value={draft.note} onChange={(note) => set({ note })} error={errors.note} />
        {draft.id ? <CheckboxField label={label('archived')} checked={draft.archived} onChange={(archived) => set({ archived })} /> : null}
      </div>
    </FormPanel>
  );
}

/** Hand-entered value of a fund or gold account, kept as history. */
function ValuationForm(props: { account: Account; onDone(): void }) {
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const deleteWithUndo = useDeleteWithUndo();
  const history = useLiveQuery(() => db.valuations.where('accountId').equals(props.account.id).reverse().sortBy('date'), [db, props.account.id]) ?? [];
  const { draft, setter, errors, save } = useRecordForm({
    initial: { date: localToday(), value: '' },
    fieldLabel: (field) => t(field === 'date' ? 'common.date' : 'accounts.value'),
    write: async (draft) => {
      const value = readMoney(draft.value, props.account.currency, t, t('accounts.value'), { required: true });
      if (value.error || value.value === undefined) return invalid({ value: value.error ?? '' });
      await repositories.valuations.add({ accountId: props.account.id, date: draft.date, value: value.value });
    },
    onSaved: () => ({ next: (draft) => ({ ...draft, value: '' }) }),
  });
  return (
    <section className="panel form" aria-label={t('accounts.valuationTitle', { name: props.account.name })}>
      <h2>{t('accounts.valuationTitle', { name: props.account.name })}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField label={t('common.date')} type="date" value={draft.date} onChange={setter('date')} error={errors.date} />
        <TextField label={t('accounts.value')} value={draft.value} inputMode="decimal" onChange={setter('value')} error={errors.value} />
        <button type="submit">{t('accounts.saveValue')}</button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t('common.close')}
        </button>
      </form>
      {history.length > 0 ? (
        <table>
          <caption>{t('accounts.valueHistory')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.date')}</th>
              <th scope="col" className="num">
                {t('accounts.value')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => (
              <tr key={row.id}>
                <td>{format.date(row.date)}</td>
                <td className="num">{format.money(row.value, props.account.currency)}</td>
                <td className="row-actions">
                  <button type="button" className="secondary" onClick={() => void deleteWithUndo({ kind: 'valuation', id: row.id }, t('undo.deletedValuation', { date: format.date(row.date) }))} aria-label={t('accounts.deleteValue', { date: format.date(row.date) })}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Exchange rates the user enters for each foreign currency held or owed. */
function RatesPanel(props: { currencies: string[]; rates: Map<string, number> }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <section className="panel" aria-label={t('accounts.ratesTitle')}>
      <h2>{t('accounts.ratesTitle')}</h2>
      <p className="muted">{t('accounts.ratesHint', { base: settings.baseCurrency })}</p>
      {props.currencies.map((currency) => (
        <RateForm key={currency} currency={currency} stored={props.rates.get(currency)} />
      ))}
    </section>
  );
}

/** One currency's rate; until the user types, it shows the stored rate as it is now. */
function RateForm(props: { currency: string; stored: number | undefined }) {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const { currency } = props;
  const label = t('accounts.rateFor', { currency, base: settings.baseCurrency });
  const { draft, set, errors, save } = useRecordForm<{ text?: string }>({
    initial: {},
    fieldLabel: () => label,
    write: async (draft) => {
      const text = (draft.text ?? '').normalize('NFKC').trim();
      const rate = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (!(rate > 0)) return invalid({ rateToBase: t('validation.positive', { field: label }) });
      await saveExchangeRate(db, { currency, rateToBase: rate, updatedOn: localToday() });
    },
  });
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <TextField label={label} value={draft.text ?? (props.stored !== undefined ? String(props.stored) : '')} inputMode="decimal" onChange={(text) => set({ text })} error={errors.rateToBase || undefined} />
      <button type="submit" className="secondary">
        {t('accounts.saveRate')}
      </button>
    </form>
  );
}

/** Accounts and net worth: what the user has, what they owe, and the difference. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [valuing, setValuing] = useState<Account | null>(null);
  const remove = useDeleteWithUndo();
  const base = settings.baseCurrency;
  const today = localToday();

  const data = useLiveQuery(() => loadAccountsOverview(db, { baseCurrency: base, today }), [db, base, today]);

  const add = () => {
    setValuing(null);
    setEditing(draftOf(undefined, base));
  };

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        actions={
          <button type="button" onClick={add}>
            {t('accounts.add')}
          </button>
        }
      />
      {editing ? <AccountForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} /> : null}
      {valuing ? <ValuationForm key={valuing.id} account={valuing} onDone={() => setValuing(null)} /> : null}
      {data ? (
        <section className="cards" aria-label={t('accounts.netWorthTitle')}>
          <article className="card">
            <h2>{t('accounts.assets')}</h2>
            <p className="figure">{format.money(data.worth.assets, base)}</p>
          </article>
          <article className="card">
            <h2>{t('accounts.debts')}</h2>
            <p className="figure">{format.money(data.worth.debts, base)}</p>
          </article>
          <article className="card">
            <h2>{t('accounts.netWorth')}</h2>
            <p className={`figure ${data.worth.net < 0 ? 'negative' : 'positive'}`}>{format.money(data.worth.net, base)}</p>
            {data.worth.missingRates.length > 0 ? <p className="warning-text">{t('accounts.missingRates', { currencies: data.worth.missingRates.join(', ') })}</p> : null}
          </article>
        </section>
      ) : null}
      {data && data.rows.length === 0 && !editing ? (
        <EmptyState title={t('accounts.empty.title')} description={t('accounts.empty.description')}>
          <button type="button" onClick={add}>
            {t('accounts.add')}
          </button>
        </EmptyState>
      ) : null}
      {data && data.rows.length > 0 ? (
        <table className="panel">
          <caption>{t('accounts.assetsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('accounts.field.kind')}</th>
              <th scope="col">{t('accounts.details')}</th>
              <th scope="col" className="num">
                {t('accounts.balance')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map(({ account, balance, valuedOn }) => (
              <tr key={account.id} className={account.archived ? 'archived' : undefined}>
                <th scope="row">{account.name}</th>
                <td>{t(`accounts.kind.${account.kind}`)}</td>
                <td>
                  {account.fixedDeposit
                    ? t('accounts.depositDetails', { date: format.date(account.fixedDeposit.maturityDate), rate: format.rate(account.fixedDeposit.annualRate) })
                    : valuedOn
                      ? t('accounts.valuedOn', { date: format.date(valuedOn) })
                      : account.archived
                        ? t('accounts.archived')
                        : ''}
                </td>
                <td className={`num ${balance < 0 ? 'negative' : ''}`}>{format.money(balance, account.currency)}</td>
                <td className="row-actions">
                  <Link className="button secondary" to={`/transactions?account=${encodeURIComponent(account.id)}`} aria-label={t('accounts.transactionsOf', { name: account.name })}>
                    {t('accounts.transactions')}
                  </Link>
                  {account.kind === 'wealth' ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setEditing(null);
                        setValuing(account);
                      }}
                      aria-label={t('accounts.updateValueOf', { name: account.name })}
                    >
                      {t('accounts.updateValue')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setValuing(null);
                      setEditing(draftOf(account, base));
                    }}
                    aria-label={t('accounts.editNamed', { name: account.name })}
                  >
                    {t('common.edit')}
                  </button>
                  <button type="button" className="secondary" onClick={() => void remove({ kind: 'account', id: account.id }, t('undo.deletedAccount', { name: account.name }))} aria-label={t('accounts.deleteNamed', { name: account.name })}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.owed.length > 0 ? (
        <table className="panel">
          <caption>{t('accounts.liabilitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.debt')}</th>
              <th scope="col" className="num">
                {t('accounts.owed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.owed.map(({ debt, amount }) => (
              <tr key={debt.id}>
                <th scope="row">
                  <Link to={`/debts/${debt.id}`}>{debt.name}</Link>
                </th>
                <td className="num negative">{format.money(amount, debt.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data && data.foreign.length > 0 ? <RatesPanel currencies={data.foreign} rates={data.rates} /> : null}
    </>
  );
}
