import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';
import { SampleDataLink } from './SampleDataLink';

/**
 * A page with nothing to show yet: its title, what will appear (from `<section>.empty.*`), and
 * the way to fill it (the sample household unless the page offers its own action).
 */
export function EmptyPage(props: { section: string; subtitle?: string; headerActions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`${props.section}.title`)} subtitle={props.subtitle} actions={props.headerActions} />
      <EmptyState title={t(`${props.section}.empty.title`)} description={t(`${props.section}.empty.description`)}>
        {props.children ?? <SampleDataLink />}
      </EmptyState>
    </>
  );
}
