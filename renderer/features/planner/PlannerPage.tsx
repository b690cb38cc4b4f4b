import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addMonthsToMonth, monthOf, parsePercent, parseWholeNumber, type PlannerSettings } from '../../../shared/domain';
import { budgetToBeDebtFreeBy, compareStrategies, consolidationWhatIf, decimalText, FinanceInputError, parseMoney, planPayoff, type PayoffInput } from '../../../shared/finance';
import type { PlannedDebt } from '../../../shared/debts';
import { EmptyPage } from '../../components/EmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { SelectField, TextField } from '../../components/form/fields';
import { invalid, useRecordForm } from '../../components/form/useRecordForm';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { savePlanner } from './db';
import { loadPlannerView } from './queries';

const BalanceChart = lazy(() => import('./BalanceChart'));
const STRATEGIES = ['avalanche', 'snowball', 'custom', 'minimum-only'] as const;
/** Months counted as the engine counts them: 1 = this month. */
const monthIndex = (thisMonth: string, month: string) => (Number(month.slice(0, 4)) - Number(thisMonth.slice(0, 4))) * 12 + Number(month.slice(5, 7)) - Number(thisMonth.slice(5, 7)) + 1;

/** How to get out of debt: one monthly budget across every lender, strategies side by side. */
export function PlannerPage() {
  const { db, settings } = useSettings();
  const today = localToday();
  const data = useLiveQuery(() => loadPlannerView(db, { currency: settings.baseCurrency, today }), [db, settings.baseCurrency, today]);
  if (!data) return null;
  if (data.debts.length === 0) return <EmptyPage section="planner" />;
  return <Planner debts={data.debts} colors={data.colors} initial={data.planner} />;
}

function Planner(props: { debts: PlannedDebt[]; colors: Map<string, string>; initial: PlannerSettings }) {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const currency = settings.baseCurrency;
  const money = (minor: number) => format.money(minor, currency);
  const thisMonth = monthOf(localToday());
  const [planner, setPlanner] = useState(props.initial);
  const [budgetText, setBudgetText] = useState(props.initial.monthlyBudget > 0 ? decimalText(props.initial.monthlyBudget, currency) : '');
  const [budgetError, setBudgetError] = useState<string>();
  const [byMonth, setByMonth] = useState(addMonthsToMonth(thisMonth, 24));
  const [loan, setLoan] = useState({ rate: '6', term: '36', fee: '1' });

  useEffect(() => {
    void savePlanner(db, planner);
  }, [db, planner]);

  const order = useMemo(() => {
    const known = planner.customOrder.filter((id) => props.debts.some((d) => d.id === id));
    return [...known, ...props.debts.map((d) => d.id).filter((id) => !known.includes(id))];
  }, [planner.customOrder, props.debts]);
  const names = new Map(props.debts.map((d) => [d.id, d.name]));

  const input: PayoffInput = {
    debts: props.debts,
    monthlyBudget: planner.monthlyBudget,
    strategy: planner.strategy,
    customOrder: order,
    extraPayments: planner.extraPayments.map((e) => ({ month: monthIndex(thisMonth, e.month), amount: e.amount })).filter((e) => e.month >= 1),
  };
  const comparison = compareStrategies(input);
  const chosen = planPayoff(input);
  const minimumBudget = planPayoff({ ...input, monthlyBudget: 0 }).requiredBudget ?? 0;
  const byIndex = monthIndex(thisMonth, byMonth);
  const needed = byIndex >= 1 ? safe(() => budgetToBeDebtFreeBy({ ...input, strategy: planner.strategy === 'minimum-only' ? 'avalanche' : planner.strategy }, byIndex)) : null;
  const loanRate = parsePercent(loan.rate);
  const loanTerm = parseWholeNumber(loan.term);
  const loanFee = parsePercent(loan.fee);
  const consolidation = loanRate !== null && loanTerm !== null && loanTerm > 0 && loanFee !== null ? safe(() => consolidationWhatIf(input, { annualRate: loanRate, termMonths: loanTerm, feeRate: loanFee })) : null;
  const monthLabel = (index: number) => format.month(addMonthsToMonth(thisMonth, index - 1));

  const setBudget = (text: string) => {
    setBudgetText(text);
    try {
      const value = parseMoney(text, currency);
      if (value < 0) throw new FinanceInputError('budget', 'negative');
      setBudgetError(undefined);
      setPlanner((p) => ({ ...p, monthlyBudget: value }));
    } catch (error) {
      if (!(error instanceof FinanceInputError)) throw error;
      setBudgetError(t('validation.money', { field: t('planner.budget') }));
    }
  };
  const moveTo = (id: string, to: number) => {
    const next = [...order];
    const from = next.indexOf(id);
    if (from < 0 || to < 0 || to >= next.length || to === from) return;
    next.splice(from, 1);
    next.splice(to, 0, id);
    setPlanner((p) => ({ ...p, customOrder: next, strategy: 'custom' }));
  };
  const move = (id: string, by: number) => moveTo(id, order.indexOf(id) + by);
  const [dragged, setDragged] = useState<string | null>(null);
  // An extra payment is added to the plan, which the effect above stores.
  const extra = useRecordForm({
    initial: { month: addMonthsToMonth(thisMonth, 1), amount: '' },
    write: (draft) => {
      let amount = 0;
      try {
        amount = parseMoney(draft.amount, currency);
      } catch (error) {
        if (!(error instanceof FinanceInputError)) throw error;
      }
      if (amount <= 0) return invalid({ amount: t('validation.positive', { field: t('planner.extraAmount') }) });
      if (monthIndex(thisMonth, draft.month) < 1) return invalid({ amount: t('planner.extraInPast') });
      setPlanner((p) => ({ ...p, extraPayments: [...p.extraPayments, { month: draft.month, amount }].sort((a, b) => a.month.localeCompare(b.month)) }));
    },
    onSaved: () => ({ next: (draft) => ({ ...draft, amount: '' }) }),
  });

  const series = props.debts.map((d, i) => ({ id: d.id, name: d.name, color: shade(props.colors.get(d.institutionId) ?? '#6b7280', i) }));
  const points = chosen.monthly.map((m) => ({ label: monthLabel(m.month), ...m.balances }));

  return (
    <>
      <PageHeader
        title={t('planner.title')}
        subtitle={t('planner.subtitle', { count: props.debts.length, currency })}
        actions={
          <Link className="button secondary" to="/debts">
            {t('institutions.backToDebts')}
          </Link>
        }
      />
      <section className="panel form wide" aria-labelledby="planner-inputs">
        <h2 id="planner-inputs">{t('planner.inputs')}</h2>
        <div className="field-row">
          <TextField label={t('planner.budget')} value={budgetText} onChange={setBudget} inputMode="decimal" error={budgetError} hint={t('planner.minimumsHint', { amount: money(minimumBudget) })} />
          <SelectField label={t('planner.strategy')} value={planner.strategy} options={STRATEGIES.map((s) => ({ value: s, label: t(`planner.strategies.${s}`) }))} onChange={(strategy) => setPlanner((p) => ({ ...p, strategy }))} />
        </div>
        {planner.strategy === 'custom' ? (
          <ol className="custom-order" aria-label={t('planner.customOrder')}>
            {order.map((id, index) => (
              // Drag to reorder with a mouse; the arrow buttons do the same from the keyboard.
              <li
                key={id}
                draggable
                className={dragged === id ? 'dragging' : undefined}
                onDragStart={(event) => {
                  setDragged(id);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(event) => event.preventDefault()}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragged) moveTo(dragged, index);
                  setDragged(null);
                }}
                onDragEnd={() => setDragged(null)}
              >
                <span>{names.get(id)}</span>
                <button type="button" className="secondary" disabled={index === 0} onClick={() => move(id, -1)} aria-label={t('planner.moveUp', { name: names.get(id) })}>
                  ↑
                </button>
                <button type="button" className="secondary" disabled={index === order.length - 1} onClick={() => move(id, 1)} aria-label={t('planner.moveDown', { name: names.get(id) })}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        <fieldset>
          <legend>{t('planner.extras')}</legend>
          <div className="field-row">
            <TextField label={t('planner.extraMonth')} type="month" value={extra.draft.month} onChange={extra.setter('month')} />
            <TextField label={t('planner.extraAmount')} value={extra.draft.amount} onChange={extra.setter('amount')} inputMode="decimal" error={extra.errors.amount} />
          </div>
          <div className="form-actions">
            <button type="button" className="secondary" onClick={() => void extra.save()}>
              {t('planner.addExtra')}
            </button>
          </div>
          {planner.extraPayments.length > 0 ? (
            <ul className="extras">
              {planner.extraPayments.map((extra, index) => (
                <li key={`${extra.month}-${index}`}>
                  <span>
                    {format.month(extra.month)} · {money(extra.amount)}
                  </span>
                  <button type="button" className="secondary" onClick={() => setPlanner((p) => ({ ...p, extraPayments: p.extraPayments.filter((_, i) => i !== index) }))}>
                    {t('planner.removeExtra')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>
      </section>

      {!chosen.feasible ? (
        <section className="panel alert" role="alert">
          <h2>{t(chosen.reason === 'below-minimums' ? 'planner.belowMinimums' : 'planner.neverCleared')}</h2>
          {chosen.requiredBudget !== undefined ? <p>{t('planner.requiredBudget', { amount: money(chosen.requiredBudget) })}</p> : null}
        </section>
      ) : null}

      <table className="panel" aria-label={t('planner.comparison')}>
        <caption>{t('planner.comparison')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planner.strategy')}</th>
            <th scope="col">{t('planner.debtFree')}</th>
            <th scope="col" className="num">
              {t('planner.months')}
            </th>
            <th scope="col" className="num">
              {t('planner.totalInterest')}
            </th>
            <th scope="col" className="num">
              {t('planner.totalPaid')}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.plans.map(({ strategy, plan }) => (
            <tr key={strategy} className={strategy === planner.strategy ? 'selected' : undefined}>
              <th scope="row">
                {t(`planner.strategies.${strategy}`)}
                {strategy === comparison.cheapest ? <span className="tag">{t('planner.cheapest')}</span> : null}
                {strategy === comparison.fastest ? <span className="tag">{t('planner.fastest')}</span> : null}
              </th>
              <td>{plan.feasible ? monthLabel(plan.months) : t('planner.never')}</td>
              <td className="num">{plan.feasible ? plan.months : '—'}</td>
              <td className="num">{plan.feasible ? money(plan.totalInterest) : '—'}</td>
              <td className="num">{plan.feasible ? money(plan.totalPaid) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {chosen.feasible ? (
        <section className="panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{t('planner.chart')}</h2>
          <Suspense fallback={<p className="hint">{t('planner.loadingChart')}</p>}>
            <BalanceChart
              label={t('planner.chart')}
              series={series}
              points={points}
              formatMoney={(v) => format.money(Math.round(v), currency)}
              formatAxis={(v) => format.compactMoney(Math.round(v), currency)}
            />
          </Suspense>
          <table aria-label={t('planner.order')}>
            <caption>{t('planner.order')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.debt')}</th>
                <th scope="col" className="num">
                  {t('planner.balanceNow')}
                </th>
                <th scope="col">{t('planner.paidOffIn')}</th>
              </tr>
            </thead>
            <tbody>
              {[...props.debts]
                .sort((a, b) => (chosen.payoffMonth[a.id] ?? 0) - (chosen.payoffMonth[b.id] ?? 0))
                .map((debt) => (
                  <tr key={debt.id}>
                    <td>{debt.name}</td>
                    <td className="num">{money(debt.balance)}</td>
                    <td>{monthLabel(chosen.payoffMonth[debt.id] ?? 0)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="panel form wide" aria-labelledby="by-date-heading">
        <h2 id="by-date-heading">{t('planner.byDateTitle')}</h2>
        <TextField label={t('planner.byMonth')} type="month" value={byMonth} onChange={setByMonth} />
        <p role="status">{needed ? t('planner.byDateAnswer', { amount: money(needed.monthlyBudget), month: format.month(byMonth) }) : t('planner.byDateInvalid')}</p>
      </section>

      <section className="panel form wide" aria-labelledby="consolidation-heading">
        <h2 id="consolidation-heading">{t('planner.consolidationTitle')}</h2>
        <div className="field-row three">
          <TextField label={t('planner.loanRate')} value={loan.rate} onChange={(rate) => setLoan((l) => ({ ...l, rate }))} />
          <TextField label={t('planner.loanTerm')} value={loan.term} onChange={(term) => setLoan((l) => ({ ...l, term }))} />
          <TextField label={t('planner.loanFee')} value={loan.fee} onChange={(fee) => setLoan((l) => ({ ...l, fee }))} />
        </div>
        {consolidation ? (
          <dl className="what-if" aria-label={t('planner.consolidationTitle')}>
            <dt>{t('planner.loanPrincipal')}</dt>
            <dd>{money(consolidation.consolidation.principal)}</dd>
            <dt>{t('planner.loanPayment')}</dt>
            <dd>
              {money(consolidation.consolidation.payment)}
              {consolidation.consolidation.fitsBudget ? '' : ` · ${t('planner.overBudget')}`}
            </dd>
            <dt>{t('planner.loanApr')}</dt>
            <dd>{format.percent(consolidation.consolidation.apr)}</dd>
            <dt>{t('planner.loanCost')}</dt>
            <dd>{money(consolidation.consolidation.totalInterest + consolidation.consolidation.fee)}</dd>
            <dt>{t('planner.costSaved')}</dt>
            <dd className={consolidation.costSaved < 0 ? 'negative' : 'positive'}>{money(consolidation.costSaved)}</dd>
          </dl>
        ) : (
          <p className="hint">{t('planner.consolidationInvalid')}</p>
        )}
      </section>
    </>
  );
}

function safe<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FinanceInputError) return null;
    throw error;
  }
}

/** Debts of one institution share its colour; lighter shades tell them apart. */
function shade(hex: string, index: number): string {
  const amount = (index % 3) * 0.18;
  const channel = (start: number) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16);
    return Math.round(value + (255 - value) * amount);
  };
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}
