import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DebtTerms } from '../../../shared/domain';
import { localToday } from '../../app/today';
import { EmptyPage } from '../../components/EmptyPage';
import { SampleDataLink } from '../../components/SampleDataLink';
import { InstitutionBadge } from '../../components/InstitutionBadge';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../app/format';
import { useSettings } from '../../app/settings-context';
import { loadDebtsOverview } from './queries';

function amountOf(terms: DebtTerms): number {
  return terms.kind === 'loan' || terms.kind === 'installment' ? terms.principal : terms.creditLimit;
}

/** Every debt, grouped under its institution in the institution's colour. */
export function DebtsPage() {
  const { t } = useTranslation();
  const { db } = useSettings();
  const format = useFormat();
  const today = localToday();
  const data = useLiveQuery(() => loadDebtsOverview(db, today), [db, today]);

  const termsSummary = (terms: DebtTerms): string => {
    switch (terms.kind) {
      case 'loan':
        return t('debts.loanSummary', { rate: format.rate(terms.rate), months: terms.termMonths, method: t(`debts.method.${terms.method}`) });
      case 'credit-card':
        return t('debts.cardSummary', { statementDay: terms.statementDay });
      case 'credit-line':
        return t('debts.lineSummary', { billDay: terms.billDay, dueDay: terms.dueDay });
      case 'installment':
        return t('debts.installmentSummary', { periods: terms.periods, fee: format.rate(terms.feeRate) });
    }
  };

  const actions = (
    <>
      <Link className="button secondary" to="/debts/institutions">
        {t('debts.manageInstitutions')}
      </Link>
      <Link className="button secondary" to="/debts/planner">
        {t('debts.planner')}
      </Link>
      <Link className="button secondary" to="/debts/late">
        {t('late.title')}
      </Link>
      <Link className="button" to="/debts/new">
        {t('debts.add')}
      </Link>
    </>
  );

  if (data && data.groups.length === 0) {
    return (
      <EmptyPage section="debts" headerActions={actions}>
        <Link className="button" to="/debts/new">
          {t('debts.add')}
        </Link>
        <SampleDataLink />
      </EmptyPage>
    );
  }

  return (
    <>
      <PageHeader title={t('debts.title')} actions={actions} />
      {data && data.ranking.length > 0 ? (
        <section className="panel" aria-labelledby="best-card-heading">
          <h2 id="best-card-heading">{t('debts.bestCard.title')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('debts.kindName.credit-card')}</th>
                <th scope="col" className="num">
                  {t('debts.bestCard.days')}
                </th>
                <th scope="col">{t('debts.bestCard.statement')}</th>
                <th scope="col">{t('common.dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {data.ranking.map((choice, index) => (
                <tr key={choice.id} className={index === 0 ? 'selected' : undefined}>
                  <td>
                    <Link to={`/debts/${choice.id}`}>{choice.name}</Link>
                  </td>
                  <td className="num">{t('debts.bestCard.dayCount', { count: choice.interestFreeDays })}</td>
                  <td>{format.date(choice.statementDate)}</td>
                  <td>{format.date(choice.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {data?.groups.map(({ institution, debts }) => (
        <section key={institution.id} className="panel" aria-label={institution.name}>
          <h2>
            <InstitutionBadge institution={institution} />
          </h2>
          <table className="debt-table">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('debts.kind')}</th>
                <th scope="col">{t('debts.terms')}</th>
                <th scope="col" className="num">
                  {t('debts.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {debts.map((debt) => (
                <tr key={debt.id}>
                  <td>
                    <Link to={`/debts/${debt.id}`}>{debt.name}</Link>
                  </td>
                  <td>{t(`debts.kindName.${debt.terms.kind}`)}</td>
                  <td>{termsSummary(debt.terms)}</td>
                  <td className="num">{format.money(amountOf(debt.terms), debt.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
