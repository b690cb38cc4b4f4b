/**
 * A write refused because the disk is full surfaces wherever it happened as an unhandled
 * rejection; this banner turns it into words, so the user knows the change was not saved.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startupProblemOf } from '../db/storage-problem';

export function StorageProblem() {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      if (startupProblemOf(event.reason) !== 'quota') return;
      event.preventDefault();
      setFull(true);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);
  if (!full) return null;
  return (
    <div className="panel alert storage-problem" role="alert">
      <p>{t('storage.full')}</p>
      <button type="button" className="secondary" onClick={() => setFull(false)}>
        {t('storage.dismiss')}
      </button>
    </div>
  );
}
