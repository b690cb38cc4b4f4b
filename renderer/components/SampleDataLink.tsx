import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Empty pages point to the sample household so the app can be explored before real data. */
export function SampleDataLink() {
  const { t } = useTranslation();
  return (
    <Link className="button secondary" to="/settings#sample-data">
      {t('empty.loadSample')}
    </Link>
  );
}
