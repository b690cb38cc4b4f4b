import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DebtSummary } from '../../../shared/debts';
import { remaining } from '../../../shared/dues';
import { AddStatement } from './AddStatement';
import { ItemReminders } from '../reminders';
import { RecordPayment } from './RecordPayment';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { PageHeader } from '../../components/PageHeader';
import { VirtualTable } from '../../components/VirtualTable';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { useDeleteWithUndo } from '../../app/useDeleteWithUndo';
import { loadDebtDetail } from './queries';

/** A quoted rate converted to a year, to tell whether the true cost differs from it. */
function quotedAnnual(quoted: NonNullable<DebtSummary['quoted']>): number {
  switch (quoted.basis) {
    case 'annual':
      return quoted.rate;
    case 'monthly':
    case 'per-period':
      return quoted.rate * 12;
    case 'daily':
      return quoted.rate * 360;
  }
}

/** One debt: its true cost first, then what is owed, what comes next, and the whole schedule. */
export function DebtDetailPage() {
  const { debtId = '' } = useParams();
  const { t } = useTranslation();
  const { db, repositories } = useSettings();
  const format = useFormat();
  const today = localToday();
  const [message, setMessage] = useState<string | null>(null);
  const remove = useDeleteWithUndo();
  const data = useLiveQuery(() => loadDebtDetail(db, debtId, today), [db, debtId, today]);

  if (!data) return null;
  if (!data.debt || !data.summary) {
    return (
      <>
        <PageHeader title={t('debtDetail.notFound')} />
        <Link to="/debts">{t('institutions.backToDebts')}</Link>
      </>
    );
  }
  const { debt, summary } = data;
  const money = (minor: number) => format.money(minor, debt.currency);
  const quoted = summary.quoted;
  const showQuoted = quoted !== null && summary.apr !== null && (Math.abs(quotedAnnual(quoted) - summary.apr) > 0.00005 || quoted.basis !== 'annual');

  return (
    <>
      <PageHeader
        title={debt.name}
        subtitle={t(`debts.kindName.${debt.terms.kind}`)}
        actions={
          <>
            <Link className="button secondary" to="/debts">
              {t('institutions.backToDebts')}
            </Link>
            <Link className="button secondary" to={`/debts/${debt.id}/edit`}>
              {t('common.edit')}
            </Link>
            <button type="button" className="secondary" onClick={() => void repositories.debts.archive(debt.id, !debt.archived)}>
              {debt.archived ? t('institutions.restore') : t('institutions.archive')}
            </button>
            <button type="button" className="secondary danger-text" onClick={() => void remove({ kind: 'debt', id: debt.id }, t('undo.deletedDebt', { name: debt.name }), '/debts')}>
              {t('common.delete')}
            </button>
          </>
        }
      />
      <p className="institution-line">
        <InstitutionBadge institution={data.institution} />
        {data.parent ? (
          <>
            {' · '}
            {t('debtDetail.billedThrough')} <Link to={`/debts/${data.parent.id}`}>{data.parent.name}</Link>
          </>
        ) : null}
        {debt.archived ? <span className="warning-tag">{t('institutions.archived')}</span> : null}
      </p>
      <div role="status" aria-live="polite" className="status ok">
        {message}
      </div>
      {summary.overdue ? (
        <section className="panel alert" role="alert" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t('debtDetail.overdue.title', { count: summary.overdue.days })}</h2>
          <p>
            {t('debtDetail.overdue.body', {
              amount: money(summary.overdue.amount),
              cost: money(summary.overdue.costSoFar),
              perDay: money(summary.overdue.costPerDay),
            })}
          </p>
          <p className="hint">{t('debtDetail.overdue.credit')}</p>
          <Link to="/debts/late">{t('late.openLate')}</Link>
        </section>
      ) : null}
      <section className="cards" aria-label={t('debtDetail.figures')}>
        <article className="card highlight">
          <h2>{t('debtDetail.apr')}</h2>
          <p className="figure">{summary.apr === null ? '—' : format.percent(summary.apr)}</p>
          {showQuoted && quoted ? (
            <p className="hint">{t(`debtDetail.quoted.${quoted.basis}`, { rate: format.rate(quoted.rate) })}</p>
          ) : (
            <p className="hint">{t('debtDetail.aprHint')}</p>
          )}
        </article>
        {summary.schedule.length > 0 ? (
          <article className="card">
            <h2>{t('debtDetail.totalCost')}</h2>
            <p className="figure">{money(summary.totalCost)}</p>
          </article>
        ) : null}
        <article className="card">
          <h2>{t('debtDetail.remaining')}</h2>
          <p className="figure">{money(summary.remaining)}</p>
        </article>
        <article className="card">
          <h2>{t('debtDetail.nextDue')}</h2>
          <p className="figure">{summary.nextDue ? money(remaining(summary.nextDue)) : '—'}</p>
          <p className="hint">{summary.nextDue ? format.date(summary.nextDue.dueDate) : t('debtDetail.nothingDue')}</p>
        </article>
        <article className="card">
          <h2>{t('debtDetail.paymentsMade')}</h2>
          <p className="figure">{money(summary.paymentsTotal)}</p>
          <p className="hint">{t('debtDetail.paymentsCount', { count: summary.paymentsCount })}</p>
        </article>
      </section>

      {debt.terms.kind === 'credit-card' || debt.terms.kind === 'credit-line' ? <AddStatement debt={debt as Parameters<typeof AddStatement>[0]['debt']} /> : null}
      <ItemReminders itemKey={`debt:${debt.id}`} />
      {data.dues.length > 0 || debt.terms.kind === 'loan' ? <RecordPayment key={data.payments.length} debt={debt} dues={data.dues} payments={data.payments} onDone={setMessage} /> : null}

      {summary.schedule.length > 0 ? (
        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading" className="section-title">
            {t('debtDetail.schedule')}
          </h2>
          <VirtualTable
            label={t('debtDetail.schedule')}
            rows={summary.schedule}
            rowKey={(row) => String(row.period)}
            rowClassName={(row) => `status-${row.status}`}
            template="60px 130px 1fr 1fr 1fr 1fr 110px"
            height="min(60vh, 520px)"
            initialIndex={summary.schedule.findIndex((row) => row.status !== 'paid')}
            columns={[
              { header: t('debtDetail.period'), cell: (row) => row.period },
              { header: t('common.dueDate'), cell: (row) => format.date(row.dueDate) },
              { header: t('debtDetail.payment'), numeric: true, cell: (row) => money(row.payment) },
              { header: t('debtDetail.principal'), numeric: true, cell: (row) => money(row.principal) },
              { header: debt.terms.kind === 'installment' ? t('debtDetail.fee') : t('debtDetail.interest'), numeric: true, cell: (row) => money(row.charge) },
              { header: t('debtDetail.balance'), numeric: true, cell: (row) => money(row.balance) },
              { header: t('debtDetail.status'), cell: (row) => t(`calendar.status.${row.status}`) },
            ]}
          />
        </section>
      ) : null}

      {data.statements.length > 0 ? (
        <section className="panel" aria-labelledby="statements-heading">
          <h2 id="statements-heading">{t('debtDetail.statements')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('debtDetail.statementDate')}</th>
                <th scope="col">{t('common.dueDate')}</th>
                <th scope="col" className="num">
                  {t('debtDetail.statementBalance')}
                </th>
                <th scope="col" className="num">
                  {t('debtDetail.minimumDue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...data.statements]
                .sort((a, b) => b.statementDate.localeCompare(a.statementDate))
                .map((statement) => (
                  <tr key={statement.id}>
                    <td>{format.date(statement.statementDate)}</td>
                    <td>{format.date(statement.dueDate)}</td>
                    <td className="num">{money(statement.balance)}</td>
                    <td className="num">{money(statement.minimumDue)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {data.children.length > 0 ? (
        <section className="panel" aria-labelledby="children-heading">
          <h2 id="children-heading">{t('debtDetail.installmentsUnder')}</h2>
          <ul className="late-list">
            {data.children.map((child) => (
              <li key={child.id}>
                <Link to={`/debts/${child.id}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.payments.length > 0 ? (
        <section className="panel" aria-labelledby="payments-heading">
          <h2 id="payments-heading">{t('debtDetail.paymentsList')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('payment.paidOn')}</th>
                <th scope="col">{t('payment.target')}</th>
                <th scope="col">{t('debtDetail.paymentKind')}</th>
                <th scope="col" className="num">
                  {t('payment.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...data.payments].reverse().map((payment) => (
                <tr key={payment.id}>
                  <td>{format.date(payment.paidOn)}</td>
                  <td>{payment.dueDate ? format.date(payment.dueDate) : t('payment.extraOption')}</td>
                  <td>
                    {t(`debtDetail.paymentKinds.${payment.kind}`)}
                    {payment.prepaymentMode ? ` · ${t(`payment.modes.${payment.prepaymentMode}`)}` : ''}
                  </td>
                  <td className="num">{money(payment.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
