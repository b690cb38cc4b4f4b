import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { addMonthsToMonth, firstDayOfMonth, lastDayOfMonth, monthOf } from '../../../shared/domain';
import { divRoundHalfUp } from '../../../shared/finance';
import { EmptyPage } from '../../components/EmptyPage';
import { PageHeader } from '../../components/PageHeader';
import { categoryName } from '../../components/categoryName';
import { SelectField, TextField } from '../../components/form/fields';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import type { ChartKind, ChartSeries } from './ReportChart';
import { loadReport, REPORTS, type Report } from './queries';

const ReportChart = lazy(() => import('./ReportChart'));

const PERIODS = ['this-month', 'last-month', 'last-3', 'last-12', 'custom'] as const;
type Period = (typeof PERIODS)[number];

/** A palette that reads on light and dark backgrounds, for categories. */
const PALETTE = ['#0f766e', '#2563eb', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#db2777', '#4f46e5', '#ca8a04', '#64748b', '#059669'];

function periodRange(period: Period, today: string, custom: { from: string; to: string }): { from: string; to: string } {
  const month = monthOf(today);
  switch (period) {
    case 'this-month':
      return { from: firstDayOfMonth(month), to: lastDayOfMonth(month) };
    case 'last-month':
      return { from: firstDayOfMonth(addMonthsToMonth(month, -1)), to: lastDayOfMonth(addMonthsToMonth(month, -1)) };
    case 'last-3':
      return { from: firstDayOfMonth(addMonthsToMonth(month, -2)), to: lastDayOfMonth(month) };
    case 'last-12':
      return { from: firstDayOfMonth(addMonthsToMonth(month, -11)), to: lastDayOfMonth(month) };
    case 'custom':
      return custom;
  }
}

interface Table {
  caption: string;
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
}

/** Reports: each a chart (loaded on demand) and the same figures as a table. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { db, settings } = useSettings();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const report = (REPORTS as readonly string[]).includes(params.get('report') ?? '') ? (params.get('report') as Report) : 'categories';
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [period, setPeriod] = useState<Period>('this-month');
  const today = localToday();
  const [custom, setCustom] = useState({ from: firstDayOfMonth(monthOf(today)), to: today });
  const currency = settings.baseCurrency;
  const money = (minor: number) => format.money(minor, currency);
  const range = periodRange(period, today, custom);

  const data = useLiveQuery(() => loadReport(db, { report, range: { from: range.from, to: range.to }, currency, today }), [db, report, range.from, range.to, currency, today]);

  if (data?.empty) return <EmptyPage section="reports" />;

  const select = (next: Report) => {
    const copy = new URLSearchParams(params);
    copy.set('report', next);
    setParams(copy, { replace: true });
  };

  let chart: { kind: ChartKind; points: Record<string, number | string>[]; series: ChartSeries[]; colors?: string[] } | null = null;
  let table: Table | null = null;
  let summary = '';
  const monthLabel = (month: string) => format.month(month);
  if (data && !data.empty) {
    if (report === 'categories' && 'breakdown' in data && data.breakdown) {
      const total = data.breakdown.reduce((sum, row) => sum + row.amount, 0);
      const labelOf = (id: string) => categoryName(data.categories.get(id), t);
      chart = {
        kind: 'horizontal-bar',
        points: data.breakdown.map((row) => ({ label: labelOf(row.categoryId), spent: row.amount })),
        series: [{ key: 'spent', name: t('reports.spent'), color: PALETTE[0] ?? '#0f766e' }],
        colors: data.breakdown.map((_, i) => PALETTE[i % PALETTE.length] ?? '#0f766e'),
      };
      table = {
        caption: t('reports.categoriesCaption', { from: format.date(range.from), to: format.date(range.to), currency }),
        columns: [t('budget.category'), t('reports.spent'), t('reports.share')],
        rows: data.breakdown.map((row) => ({ key: row.categoryId, label: labelOf(row.categoryId), values: [row.amount, total > 0 ? row.amount / total : 0] })),
      };
      summary = t('reports.categoriesSummary', { total: money(total), count: data.breakdown.length });
    }
    if ((report === 'trend' || report === 'income-expense') && 'flows' in data && data.flows) {
      const flows = data.flows;
      if (report === 'trend') {
        chart = { kind: 'bar', points: flows.map((f) => ({ label: monthLabel(f.month), spending: f.spending })), series: [{ key: 'spending', name: t('dashboard.spending'), color: 'var(--negative)' }] };
        table = { caption: t('reports.trendCaption', { currency }), columns: [t('reports.month'), t('dashboard.spending')], rows: flows.map((f) => ({ key: f.month, label: monthLabel(f.month), values: [f.spending] })) };
        const average = divRoundHalfUp(flows.reduce((sum, f) => sum + f.spending, 0), Math.max(1, flows.length));
        summary = t('reports.trendSummary', { average: money(average) });
      } else {
        chart = {
          kind: 'grouped-bar',
          points: flows.map((f) => ({ label: monthLabel(f.month), income: f.income, spending: f.spending })),
          series: [
            { key: 'income', name: t('dashboard.income'), color: 'var(--positive)' },
            { key: 'spending', name: t('dashboard.spending'), color: 'var(--negative)' },
          ],
        };
        table = {
          caption: t('reports.incomeVsSpendingCaption', { currency }),
          columns: [t('reports.month'), t('dashboard.income'), t('dashboard.spending'), t('reports.net')],
          rows: flows.map((f) => ({ key: f.month, label: monthLabel(f.month), values: [f.income, f.spending, f.net] })),
        };
        summary = t('reports.netSummary', { net: money(flows.reduce((sum, f) => sum + f.net, 0)) });
      }
    }
    if ((report === 'net-worth' || report === 'debt') && 'series' in data && data.series) {
      const series = data.series;
      if (report === 'net-worth') {
        chart = {
          kind: 'line',
          points: series.map((p) => ({ label: monthLabel(p.month), assets: p.assets, debts: p.debts, net: p.net })),
          series: [
            { key: 'assets', name: t('accounts.assets'), color: 'var(--positive)' },
            { key: 'debts', name: t('accounts.debts'), color: 'var(--negative)' },
            { key: 'net', name: t('accounts.netWorth'), color: 'var(--accent)' },
          ],
        };
        table = {
          caption: t('reports.netWorthCaption', { currency }),
          columns: [t('reports.month'), t('accounts.assets'), t('accounts.debts'), t('accounts.netWorth')],
          rows: series.map((p) => ({ key: p.month, label: monthLabel(p.month), values: [p.assets, p.debts, p.net] })),
        };
        const missing = [...new Set(series.flatMap((p) => p.missingRates))];
        summary = missing.length > 0 ? t('accounts.missingRates', { currencies: missing.join(', ') }) : t('reports.netWorthSummary', { net: money(series.at(-1)?.net ?? 0) });
      } else {
        chart = { kind: 'line', points: series.map((p) => ({ label: monthLabel(p.month), debts: p.debts })), series: [{ key: 'debts', name: t('reports.totalDebt'), color: 'var(--negative)' }] };
        table = { caption: t('reports.debtCaption', { currency }), columns: [t('reports.month'), t('reports.totalDebt')], rows: series.map((p) => ({ key: p.month, label: monthLabel(p.month), values: [p.debts] })) };
        const first = series[0]?.debts ?? 0;
        const last = series.at(-1)?.debts ?? 0;
        summary = t('reports.debtSummary', { change: money(first - last), now: money(last) });
      }
    }
  }

  const isEmptyReport = table !== null && table.rows.length === 0;

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t(`reports.kind.${report}`)} />
      <div className="tabs" role="group" aria-label={t('reports.choose')}>
        {REPORTS.map((kind) => (
          <button key={kind} type="button" className={kind === report ? undefined : 'secondary'} aria-pressed={kind === report} onClick={() => select(kind)}>
            {t(`reports.kind.${kind}`)}
          </button>
        ))}
      </div>
      <div className="filters">
        {report === 'categories' ? (
          <>
            <SelectField label={t('reports.period')} value={period} options={PERIODS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))} onChange={(p: Period) => setPeriod(p)} />
            {period === 'custom' ? (
              <>
                <TextField label={t('transactions.from')} type="date" value={custom.from} onChange={(from) => setCustom({ ...custom, from })} />
                <TextField label={t('transactions.to')} type="date" value={custom.to} onChange={(to) => setCustom({ ...custom, to })} />
              </>
            ) : null}
          </>
        ) : null}
        <div className="segmented" role="group" aria-label={t('reports.view')}>
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            {t('reports.chart')}
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            {t('reports.table')}
          </button>
        </div>
      </div>
      {summary ? (
        <p className="muted" role="status">
          {summary}
        </p>
      ) : null}
      {isEmptyReport ? <p className="muted">{t('reports.nothingInPeriod')}</p> : null}
      {chart && !isEmptyReport && view === 'chart' ? (
        <section className="panel">
          <Suspense fallback={<p className="hint">{t('planner.loadingChart')}</p>}>
            <ReportChart
              kind={chart.kind}
              label={table?.caption ?? ''}
              points={chart.points}
              series={chart.series}
              {...(chart.colors ? { pointColors: chart.colors } : {})}
              formatMoney={money}
              formatAxis={(value) => format.compactMoney(value, currency)}
            />
          </Suspense>
        </section>
      ) : null}
      {table && !isEmptyReport && view === 'table' ? (
        <table className="panel">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" className={index > 0 ? 'num' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <td key={index} className={`num ${value < 0 ? 'negative' : ''}`}>
                    {report === 'categories' && index === 1 ? format.percent(value) : money(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
