import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FORMAT_LOCALES, DomainValidationError, type AppSettings } from '../../../shared/domain';
import { PageHeader } from '../../components/PageHeader';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LANGUAGE_OPTIONS } from '../../components/form/language';
import { SelectField } from '../../components/form/fields';
import { translateFieldError } from '../../components/form/errors';
import { useCurrencyOptions } from '../../components/form/currency';
import { useSettings } from '../../app/settings-context';
import { localToday } from '../../app/today';
import { getAppInfo, type AppInfo } from '../../platform';
import { useUndo } from '../../app/undo-context';
import { writeFailure } from '../../app/write-failure';
import { loadBackupSection } from '../backup';
import { loadSampleHousehold } from '../onboarding';

// The backup section brings the backup format and its checks: loaded when Settings first shows it.
const BackupSection = lazy(() => loadBackupSection().then((BackupSection) => ({ default: BackupSection })));

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { db, settings, updateSettings } = useSettings();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmingSample, setConfirmingSample] = useState(false);
  const [loadingSample, setLoadingSample] = useState(false);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const location = useLocation();
  const sampleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    void getAppInfo().then(setInfo);
  }, []);
  useEffect(() => {
    if (location.hash === '#sample-data') sampleRef.current?.scrollIntoView();
  }, [location.hash]);

  const currencyOptions = useCurrencyOptions();
  const localeNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);
  const numberSample = (locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1234567.89);

  const save = async (changes: Partial<AppSettings>) => {
    try {
      await updateSettings(changes);
      setStatus({ kind: 'ok', text: t('settings.saved') });
    } catch (error) {
      const field = error instanceof DomainValidationError ? error.fieldErrors[0] : undefined;
      setStatus({ kind: 'error', text: field ? translateFieldError(field, t, t(`settings.field.${field.field}`)) : t('settings.saveFailed') });
    }
  };

  const { clear: clearUndo } = useUndo();
  const loadSample = async () => {
    setConfirmingSample(false);
    setLoadingSample(true);
    try {
      // The generator is only needed here: keep it out of the start-up bundle.
      await loadSampleHousehold(db, { today: localToday(), now: new Date().toISOString(), language: settings.language });
      clearUndo();
      setStatus({ kind: 'ok', text: t('settings.sample.loaded') });
    } catch (error) {
      setStatus({ kind: 'error', text: writeFailure(t, error, (reason) => t('settings.sample.failed', { reason })) });
    } finally {
      setLoadingSample(false);
    }
  };

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div role="status" aria-live="polite" className={status ? `status ${status.kind}` : 'status'}>
        {status?.text}
      </div>
      <section className="panel form" aria-labelledby="settings-general">
        <h2 id="settings-general">{t('settings.general')}</h2>
        <SelectField
          label={t('settings.field.language')}
          value={settings.language}
          options={LANGUAGE_OPTIONS}
          onChange={(language) => void save({ language })}
        />
        <SelectField label={t('settings.field.baseCurrency')} value={settings.baseCurrency} options={currencyOptions} onChange={(baseCurrency) => void save({ baseCurrency })} />
        <SelectField
          label={t('settings.field.formatLocale')}
          value={settings.formatLocale}
          options={FORMAT_LOCALES.map((locale) => ({ value: locale, label: `${localeNames.of(locale) ?? locale} (${numberSample(locale)})` }))}
          onChange={(formatLocale) => void save({ formatLocale })}
        />
        <SelectField
          label={t('settings.field.theme')}
          value={settings.theme}
          options={(['system', 'light', 'dark'] as const).map((theme) => ({ value: theme, label: t(`settings.theme.${theme}`) }))}
          onChange={(theme) => void save({ theme })}
        />
      </section>
      <Suspense fallback={<p className="hint">{t('app.loadingPage')}</p>}>
        <BackupSection />
      </Suspense>
      <section className="panel" id="sample-data" ref={sampleRef} aria-labelledby="settings-sample">
        <h2 id="settings-sample">{t('settings.sample.title')}</h2>
        <p>{t('settings.sample.description')}</p>
        <button type="button" onClick={() => setConfirmingSample(true)} disabled={loadingSample}>
          {loadingSample ? t('settings.sample.loading') : t('settings.sample.load')}
        </button>
      </section>
      <section className="panel" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about.title')}</h2>
        <p>{t('settings.about.privacy')}</p>
        {info ? (
          <dl className="about">
            <dt>{t('settings.about.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.about.platform')}</dt>
            <dd>{info.platform === 'web' ? t('settings.about.browser') : info.platform}</dd>
          </dl>
        ) : null}
      </section>
      {confirmingSample ? (
        <ConfirmDialog
          title={t('settings.sample.confirmTitle')}
          body={t('settings.sample.confirmBody')}
          confirm={t('settings.sample.confirm')}
          onConfirm={() => void loadSample()}
          onCancel={() => setConfirmingSample(false)}
        />
      ) : null}
    </>
  );
}
