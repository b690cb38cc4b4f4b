import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BudgetLine } from '../../../shared/budget';
import { addMonthsToMonth, monthOf, type Category } from '../../../shared/domain';
import { decimalText } from '../../../shared/finance';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { categoryName } from '../../components/categoryName';
import { readMoney } from '../../components/form/money';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { addPresetCategories, copyPreviousBudgets, setBudget } from './db';
import { loadBudgetMonth } from './queries';

/** The budget input of one category: saved when the user leaves the field or presses Enter. */
function BudgetInput(props: { category: Category; month: string; currency: string; amount: number | undefined }) {
  const { t } = useTranslation();
  const { db } = useSettings();
  const initial = props.amount === undefined ? '' : decimalText(props.amount, props.currency);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const name = categoryName(props.category, t);
  const commit = async () => {
    if (text === initial) return;
    const value = readMoney(text || '0', props.currency, t, t('budget.budgetFor', { category: name }));
    if (value.error || value.value === undefined) return setError(value.error);
    setError(undefined);
    await setBudget(db, { month: props.month, categoryId: props.category.id, amount: value.value, currency: props.currency });
  };
  return (
    <span className="budget-cell">
      <input
        className="budget-input"
        aria-label={t('budget.budgetFor', { category: name })}
        aria-invalid={error ? true : undefined}
        inputMode="decimal"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
        }}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

function Bar(props: { used: number; of: number; label: string }) {
  const share = props.of > 0 ? Math.min(1, props.used / props.of) : props.used > 0 ? 1 : 0;
  return (
    <div className={`progress-bar${props.used > props.of ? ' over' : ''}`} role="img" aria-label={props.label}>
      <span style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}

/** The month's budget per category: budgeted, carried over, spent, left; overspending flagged. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { db, settings, repositories } = useSettings();
  const format = useFormat();
  const today = localToday();
  const [month, setMonth] = useState(monthOf(today));
  const [status, setStatus] = useState('');
  const currency = settings.baseCurrency;
  const money = (minor: number) => format.money(minor, currency);

  const data = useLiveQuery(() => loadBudgetMonth(db, { month, currency, today }), [db, month, currency, today]);

  const navigation = (
    <>
      <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, -1))}>
        {t('calendar.previous')}
      </button>
      <button type="button" className="secondary" onClick={() => setMonth(monthOf(today))}>
        {t('budget.thisMonth')}
      </button>
      <button type="button" className="secondary" onClick={() => setMonth(addMonthsToMonth(month, 1))}>
        {t('calendar.next')}
      </button>
      <Link className="button secondary" to="/budget/categories">
        {t('budget.manageCategories')}
      </Link>
      <Link className="button secondary" to="/budget/bills">
        {t('bills.title')}
      </Link>
    </>
  );

  if (data && !data.hasCategories) {
    return (
      <>
        <PageHeader title={t('budget.title')} subtitle={format.month(month)} />
        <EmptyState title={t('budget.empty.title')} description={t('budget.empty.description')}>
          <button type="button" onClick={() => void addPresetCategories(db)}>
            {t('budget.addPresets')}
          </button>
        </EmptyState>
      </>
    );
  }

  const copy = async () => {
    const count = await copyPreviousBudgets(db, addMonthsToMonth(month, -1), month);
    setStatus(t('budget.copied', { count }));
  };

  const toggleRollover = (category: Category) => void repositories.categories.update(category.id, { rollover: !category.rollover });
  const totals = data?.result.totals ?? { budgeted: 0, carried: 0, spent: 0, left: 0 };
  const overspentCount = data?.result.lines.filter((line) => line.overspent).length ?? 0;

  const row = (category: Category, line: BudgetLine | undefined) => {
    const name = categoryName(category, t);
    const left = line?.left ?? 0;
    return (
      <tr key={`${category.id}-${month}`} className={line?.overspent ? 'overspent' : undefined}>
        <th scope="row">{name}</th>
        <td className="num">
          <BudgetInput key={`${month}-${data?.budgetAmounts.get(category.id) ?? ''}`} category={category} month={month} currency={currency} amount={data?.budgetAmounts.get(category.id)} />
        </td>
        <td className="num">{line && line.carried !== 0 ? money(line.carried) : ''}</td>
        <td className="num">{money(line?.spent ?? 0)}</td>
        <td className={`num ${left < 0 ? 'negative' : ''}`}>
          {money(left)}
          {line?.overspent ? <span className="warning-tag">{t('budget.overspent')}</span> : null}
        </td>
        <td>
          <Bar used={line?.spent ?? 0} of={(line?.budgeted ?? 0) + Math.max(0, line?.carried ?? 0)} label={t('budget.usedOf', { category: name })} />
        </td>
        <td>
          <input type="checkbox" checked={category.rollover} onChange={() => toggleRollover(category)} aria-label={t('budget.rolloverFor', { category: name })} />
        </td>
      </tr>
    );
  };

  return (
    <>
      <PageHeader title={t('budget.title')} subtitle={format.month(month)} actions={navigation} />
      <section className="cards" aria-label={t('budget.summary')}>
        <article className="card">
          <h2>{t('budget.budgeted')}</h2>
          <p className="figure">{money(totals.budgeted)}</p>
          {totals.carried !== 0 ? <p className="hint">{t('budget.carriedTotal', { amount: money(totals.carried) })}</p> : null}
        </article>
        <article className="card">
          <h2>{t('budget.spent')}</h2>
          <p className="figure">{money(totals.spent)}</p>
        </article>
        <article className="card">
          <h2>{t('budget.left')}</h2>
          <p className={`figure ${totals.left < 0 ? 'negative' : 'positive'}`}>{money(totals.left)}</p>
          {overspentCount > 0 ? <p className="warning-text">{t('budget.overspentCount', { count: overspentCount })}</p> : null}
        </article>
        {data?.available ? (
          <article className="card highlight">
            <h2>{t('budget.available')}</h2>
            <p className={`figure ${data.available.liquid - data.available.unpaidDues < 0 ? 'negative' : 'positive'}`}>{money(data.available.liquid - data.available.unpaidDues)}</p>
            <p className="hint">{t('budget.availableHint', { liquid: money(data.available.liquid), dues: money(data.available.unpaidDues) })}</p>
          </article>
        ) : null}
      </section>
      <div className="form-actions" style={{ justifyContent: 'flex-start', marginBottom: 12 }}>
        <button type="button" className="secondary" disabled={!data?.hasPrevious} onClick={() => void copy()}>
          {t('budget.copyLastMonth')}
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
      <table className="panel budget-table">
        <caption>{t('budget.caption', { currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.category')}</th>
            <th scope="col" className="num">
              {t('budget.budgeted')}
            </th>
            <th scope="col" className="num">
              {t('budget.carried')}
            </th>
            <th scope="col" className="num">
              {t('budget.spent')}
            </th>
            <th scope="col" className="num">
              {t('budget.left')}
            </th>
            <th scope="col">{t('budget.progress')}</th>
            <th scope="col">{t('budget.rollover')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.debtLine ? (
            <tr className={data.debtLine.paid < data.debtLine.planned && month < monthOf(today) ? 'overspent' : undefined}>
              <th scope="row">
                <Link to="/debts/planner">{t('budget.debtLine')}</Link>
                <span className="hint">{data.debtLine.fromPlanner ? t('budget.debtLineFromPlanner') : t('budget.debtLineMinimum')}</span>
              </th>
              <td className="num">{money(data.debtLine.planned)}</td>
              <td />
              <td className="num">{money(data.debtLine.paid)}</td>
              <td className="num">{money(data.debtLine.planned - data.debtLine.paid)}</td>
              <td>
                <Bar used={data.debtLine.paid} of={data.debtLine.planned} label={t('budget.usedOf', { category: t('budget.debtLine') })} />
              </td>
              <td />
            </tr>
          ) : null}
          {data?.expenseCategories.map((category) => row(category, data.lines.get(category.id)))}
        </tbody>
      </table>
    </>
  );
}
