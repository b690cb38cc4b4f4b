import type { TFunction } from 'i18next';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Category, Debt } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { splitRemainder } from '../../../shared/budget';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { categoryName } from '../../components/categoryName';
import { SelectField, TextField } from '../../components/form/fields';
import { readMoney } from '../../components/form/money';
import { invalid, useRecordForm, type FieldMessages } from '../../components/form/useRecordForm';
import { saveTransaction, type TransactionDraft } from './db';
import { payDebtFromAccount } from '../dues';
import { learnRules } from '../import';
import { DEBT_PREFIX, draftOf, emptyForm, type FormText, type Kind } from './transaction-draft';

export interface Lookups {
  debts: Debt[];
  accounts: Account[];
  accountsById: Map<string, Account>;
  categories: Category[];
}

export function categoryOptions(categories: readonly Category[], kind: Kind, t: (key: string) => string, emptyLabel: string) {
  const wanted = kind === 'income' ? 'income' : 'expense';
  return [
    { value: '', label: emptyLabel },
    ...categories
      .filter((c) => c.kind === wanted && !c.archived)
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ value: c.id, label: categoryName(c, t) })),
  ];
}

/** Where a transfer can go: the user's other accounts, or a debt to pay. */
function targetOptions(lookups: Lookups, accountOptions: { value: string; label: string }[], t: (key: string, options?: Record<string, unknown>) => string) {
  return [
    { value: '', label: t('transactions.choose') },
    ...accountOptions,
    ...lookups.debts.filter((debt) => !debt.archived).map((debt) => ({ value: `${DEBT_PREFIX}${debt.id}`, label: `${t('transactions.toDebt')}: ${debt.name}` })),
  ];
}

/** The label that names a field of a refused transaction. */
const transactionFieldLabel = (t: TFunction) => (field: string) => t(`transactions.${field === 'toAccountId' ? 'toAccount' : field}`);

/** Saves a draft: a payment to a debt goes through the payments module, the rest as transactions. */
async function persist(db: Parameters<typeof saveTransaction>[0], draft: TransactionDraft & { toDebtId?: string }) {
  if (draft.toDebtId) return payDebtFromAccount(db, { debtId: draft.toDebtId, accountId: draft.accountId, date: draft.date, amount: draft.amount, payee: draft.payee });
  return saveTransaction(db, draft);
}

function KindSwitch(props: { value: Kind; onChange(kind: Kind): void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('transactions.kindLabel')}>
      {(['expense', 'income', 'transfer'] as const).map((kind) => (
        <button key={kind} type="button" aria-pressed={props.value === kind} onClick={() => props.onChange(kind)}>
          {t(`transactions.kind.${kind}`)}
        </button>
      ))}
    </div>
  );
}

/** One line at the top of the list: type, tab, type, Enter, and the next one is ready. */
export function QuickEntry(props: { lookups: Lookups; defaultAccountId: string; today: string; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const activeAccounts = props.lookups.accounts.filter((a) => !a.archived);
  const payeeRef = useRef<HTMLDivElement>(null);
  const accountOf = (form: FormText) => form.accountId || activeAccounts[0]?.id || '';
  const { draft: form, set, errors, save } = useRecordForm<FormText, TransactionDraft>({
    initial: emptyForm(props.today, props.defaultAccountId || activeAccounts[0]?.id || ''),
    fieldLabel: transactionFieldLabel(t),
    write: async (form) => {
      const { draft, errors: found } = draftOf({ ...form, accountId: accountOf(form) }, props.lookups.accountsById, t);
      if (!draft) return invalid(found);
      await persist(db, draft);
      return draft;
    },
    onSaved: (draft, form) => {
      props.onSaved(t('transactions.saved', { payee: draft.payee || t(`transactions.kind.${draft.kind}`), amount: format.money(draft.amount, draft.currency) }));
      payeeRef.current?.querySelector('input')?.focus();
      // Keep the date, account and kind: entries from one receipt pile usually share them.
      return { next: () => ({ ...emptyForm(form.date, accountOf(form)), kind: form.kind, categoryId: '' }) };
    },
  });
  const accountId = accountOf(form);

  const accountOptions = activeAccounts.map((a) => ({ value: a.id, label: a.name }));
  return (
    <form
      className="panel"
      aria-label={t('transactions.quickEntry')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="page-header" style={{ marginBottom: 10 }}>
        <h2 style={{ margin: 0 }}>{t('transactions.quickEntry')}</h2>
        <KindSwitch value={form.kind} onChange={(kind) => set({ kind, categoryId: '' })} />
      </div>
      <div className="quick-entry">
        <TextField label={t('common.date')} type="date" value={form.date} onChange={(date) => set({ date })} error={errors.date} />
        <TextField label={t('transactions.amount')} value={form.amount} inputMode="decimal" onChange={(amount) => set({ amount })} error={errors.amount} />
        <div ref={payeeRef}>
          <TextField label={t('transactions.payee')} value={form.payee} onChange={(payee) => set({ payee })} error={errors.payee} />
        </div>
        <SelectField label={t('transactions.account')} value={accountId} options={accountOptions} onChange={(value) => set({ accountId: value })} error={errors.accountId} />
        {form.kind === 'transfer' ? (
          <SelectField label={t('transactions.toAccount')} value={form.toAccountId} options={targetOptions(props.lookups, accountOptions, t)} onChange={(toAccountId) => set({ toAccountId })} error={errors.toAccountId} />
        ) : (
          <SelectField label={t('budget.category')} value={form.categoryId} options={categoryOptions(props.lookups.categories, form.kind, t, t('transactions.uncategorized'))} onChange={(categoryId) => set({ categoryId })} />
        )}
        {form.kind === 'transfer' && props.lookups.accountsById.get(form.toAccountId) && props.lookups.accountsById.get(form.toAccountId)?.currency !== props.lookups.accountsById.get(accountId)?.currency ? (
          <TextField
            label={t('transactions.toAmount', { currency: props.lookups.accountsById.get(form.toAccountId)?.currency ?? '' })}
            value={form.toAmount}
            inputMode="decimal"
            onChange={(toAmount) => set({ toAmount })}
            error={errors.toAmount}
          />
        ) : (
          <span />
        )}
        <button type="submit">{t('transactions.add')}</button>
      </div>
    </form>
  );
}

/** The full editor: splits, tags, note, transfers across currencies, delete. */
export function TransactionEditor(props: { lookups: Lookups; initial: FormText; onDone(message?: string): void; onDelete?(): void }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const { draft: form, set, errors, save } = useRecordForm<FormText, TransactionDraft>({
    initial: props.initial,
    fieldLabel: transactionFieldLabel(t),
    // The write's own check names the split sum; the form says how much is left to assign.
    reword: (messages): FieldMessages => (messages.splits ? { ...messages, splits: t('validation.split_sum', { difference: format.money(remainder, currency) }) } : messages),
    write: async (form) => {
      const { draft, errors: found } = draftOf(form, props.lookups.accountsById, t);
      if (!draft) return invalid(found);
      await persist(db, draft);
      // A corrected category teaches the importer where this counterparty's rows belong.
      if (draft.categoryId && draft.categoryId !== props.initial.categoryId && draft.payee.trim()) await learnRules(db, [{ payee: draft.payee.trim(), categoryId: draft.categoryId }]);
      return draft;
    },
    onSaved: () => props.onDone(t('transactions.updated')),
  });
  const account = props.lookups.accountsById.get(form.accountId);
  const currency = account?.currency ?? 'CNY';
  const target = props.lookups.accountsById.get(form.toAccountId);
  const options = categoryOptions(props.lookups.categories, form.kind, t, t('transactions.uncategorized'));
  const accountOptions = props.lookups.accounts.filter((a) => !a.archived || a.id === form.accountId || a.id === form.toAccountId).map((a) => ({ value: a.id, label: a.name }));

  // What the splits leave unassigned, shown live so the user sees where the difference is.
  const total = readMoney(form.amount, currency, t, '').value ?? 0;
  const parts = form.splits.map((split) => readMoney(split.amount, currency, t, '').value ?? 0);
  const remainder = form.splits.length > 0 ? splitRemainder(total, parts.map((amount) => ({ amount }))) : 0;

  const addSplit = () => {
    const first = { categoryId: form.categoryId, amount: form.splits.length === 0 ? form.amount : decimalText(Math.max(remainder, 0), currency), note: '' };
    set({ splits: form.splits.length === 0 ? [first, { categoryId: '', amount: '', note: '' }] : [...form.splits, { ...first, categoryId: '' }] });
  };

  return (
    <form
      className="panel form"
      aria-label={form.id ? t('transactions.editTitle') : t('transactions.addTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="page-header" style={{ marginBottom: 0 }}>
        <h2 style={{ margin: 0 }}>{form.id ? t('transactions.editTitle') : t('transactions.addTitle')}</h2>
        <KindSwitch value={form.kind} onChange={(kind) => set({ kind, categoryId: '', splits: kind === 'transfer' ? [] : form.splits })} />
      </div>
      <div className="form-grid">
        <TextField label={t('common.date')} type="date" value={form.date} onChange={(date) => set({ date })} error={errors.date} />
        <SelectField label={t('transactions.account')} value={form.accountId} options={accountOptions} onChange={(accountId) => set({ accountId })} error={errors.accountId} />
        <TextField label={t('transactions.amount')} value={form.amount} inputMode="decimal" onChange={(amount) => set({ amount })} error={errors.amount} />
        <TextField label={t('transactions.payee')} value={form.payee} onChange={(payee) => set({ payee })} error={errors.payee} />
        {form.kind === 'transfer' ? (
          <>
            <SelectField label={t('transactions.toAccount')} value={form.toAccountId} options={targetOptions(props.lookups, accountOptions, t)} onChange={(toAccountId) => set({ toAccountId })} error={errors.toAccountId} />
            {target && target.currency !== currency ? (
              <TextField label={t('transactions.toAmount', { currency: target.currency })} value={form.toAmount} inputMode="decimal" onChange={(toAmount) => set({ toAmount })} error={errors.toAmount} />
            ) : null}
          </>
        ) : form.splits.length === 0 ? (
          <SelectField label={t('budget.category')} value={form.categoryId} options={options} onChange={(categoryId) => set({ categoryId })} />
        ) : null}
        <TextField label={t('transactions.tags')} value={form.tags} onChange={(tags) => set({ tags })} hint={t('transactions.tagsHint')} error={errors.tags} />
        <TextField label={t('transactions.note')} value={form.note} onChange={(note) => set({ note })} error={errors.note} />
      </div>
      {form.kind !== 'transfer' ? (
        <fieldset className="splits">
          <legend>{t('transactions.splits')}</legend>
          {form.splits.map((split, index) => (
            <div className="split-row" key={index}>
              <SelectField
                label={t('transactions.splitCategory', { n: index + 1 })}
                value={split.categoryId}
                options={options}
                onChange={(categoryId) => set({ splits: form.splits.map((s, i) => (i === index ? { ...s, categoryId } : s)) })}
                error={errors[`split.${index}.category`]}
              />
              <TextField
                label={t('transactions.splitAmount', { n: index + 1 })}
                value={split.amount}
                inputMode="decimal"
                onChange={(amount) => set({ splits: form.splits.map((s, i) => (i === index ? { ...s, amount } : s)) })}
                error={errors[`split.${index}`]}
              />
              <TextField label={t('transactions.splitNote', { n: index + 1 })} value={split.note} onChange={(note) => set({ splits: form.splits.map((s, i) => (i === index ? { ...s, note } : s)) })} />
              <button type="button" className="secondary" onClick={() => set({ splits: form.splits.filter((_, i) => i !== index) })} aria-label={t('transactions.removeSplit', { n: index + 1 })}>
                {t('common.delete')}
              </button>
            </div>
          ))}
          {form.splits.length > 0 ? (
            <p className={remainder === 0 ? 'muted' : 'warning-text'} role="status">
              {remainder === 0 ? t('transactions.splitBalanced') : t('transactions.splitRemainder', { amount: format.money(remainder, currency) })}
            </p>
          ) : null}
          {errors.splits ? (
            <p className="field-error" role="alert">
              {errors.splits}
            </p>
          ) : null}
          <div>
            <button type="button" className="secondary" onClick={addSplit}>
              {t('transactions.addSplit')}
            </button>
          </div>
        </fieldset>
      ) : null}
      <div className="form-actions">
        {props.onDelete ? (
          <button type="button" className="danger" onClick={props.onDelete}>
            {t('common.delete')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => props.onDone()}>
          {t('common.cancel')}
        </button>
        <button type="submit">{t('common.save')}</button>
      </div>
    </form>
  );
}
