/**
 * First run: language and base currency, then the first debt (starting with its lender) or the
 * sample household, or an empty start. Shown in place of the empty dashboard until the user
 * finishes it; a database that already holds data is never asked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INSTITUTION_PRESETS, INSTITUTION_PRESET_DETAILS } from '../../../shared/domain';
import { LANGUAGE_OPTIONS } from '../../components/form/language';
import { SelectField } from '../../components/form/fields';
import { useCurrencyOptions } from '../../components/form/currency';
import { useSettings } from '../../app/settings-context';
import { formatLocaleFor } from '../../db/settings';
import { localToday } from '../../app/today';
import { writeFailure } from '../../app/write-failure';

type Preset = (typeof INSTITUTION_PRESETS)[number];

export function WelcomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { db, repositories, settings, updateSettings } = useSettings();
  const currencyOptions = useCurrencyOptions();
  const [step, setStep] = useState<'basics' | 'start'>('basics');
  const [lender, setLender] = useState<Preset>('cmb');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem('');
    try {
      await work();
    } catch (error) {
      setProblem(writeFailure(t, error, (reason) => t('welcome.failed', { reason })));
    } finally {
      setBusy(false);
    }
  };

  const addFirstDebt = () =>
    run(async () => {
      // The lender comes first: a debt form needs one, and a preset fills its name and colour.
      const details = INSTITUTION_PRESET_DETAILS[lender];
      const institution = await repositories.institutions.add({ name: t(`institution.preset.${lender}`), preset: lender, kind: details.kind, color: details.color, archived: false });
      await updateSettings({ onboarded: true });
      await navigate(`/debts/new?institution=${encodeURIComponent(institution.id)}`);
    });

  const loadSample = () =>
    run(async () => {
      const { loadSampleHousehold, NotEmptyError } = await import('./db');
      try {
        await loadSampleHousehold(db, { today: localToday(), now: new Date().toISOString(), language: settings.language }, { onlyIfEmpty: true });
      } catch (error) {
        // Data appeared meanwhile (another window, a restore): never replace it without asking.
        if (!(error instanceof NotEmptyError)) throw error;
        setProblem(t('welcome.notEmpty'));
      }
      await updateSettings({ onboarded: true });
    });

  const startEmpty = () => run(() => updateSettings({ onboarded: true }));

  return (
    <section className="welcome panel" aria-labelledby="welcome-title">
      <p className="welcome-step">{t('welcome.step', { step: step === 'basics' ? 1 : 2, total: 2 })}</p>
      <h2 id="welcome-title">{step === 'basics' ? t('welcome.title') : t('welcome.startTitle')}</h2>
      {step === 'basics' ? (
        <form
          className="form"
          aria-label={t('welcome.basics')}
          onSubmit={(event) => {
            event.preventDefault();
            setStep('start');
          }}
        >
          <p>{t('welcome.intro')}</p>
          <SelectField
            label={t('settings.field.language')}
            value={settings.language}
            options={LANGUAGE_OPTIONS}
            onChange={(language) => void updateSettings({ language, formatLocale: formatLocaleFor(language) })}
          />
          <SelectField label={t('settings.field.baseCurrency')} value={settings.baseCurrency} options={currencyOptions} hint={t('welcome.currencyHint')} onChange={(baseCurrency) => void updateSettings({ baseCurrency })} />
          <p className="hint">{t('app.privacy')}</p>
          <div className="form-actions">
            <button type="submit">{t('welcome.continue')}</button>
          </div>
        </form>
      ) : (
        <div className="welcome-choices">
          <form
            className="form welcome-choice"
            aria-label={t('welcome.firstDebt')}
            onSubmit={(event) => {
              event.preventDefault();
              void addFirstDebt();
            }}
          >
            <h3>{t('welcome.firstDebt')}</h3>
            <p>{t('welcome.firstDebtDescription')}</p>
            <SelectField<Preset> label={t('welcome.lender')} value={lender} options={INSTITUTION_PRESETS.map((preset) => ({ value: preset, label: t(`institution.preset.${preset}`) }))} onChange={setLender} />
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                {t('welcome.addDebt')}
              </button>
            </div>
          </form>
          <section className="welcome-choice" aria-labelledby="welcome-sample">
            <h3 id="welcome-sample">{t('welcome.sample')}</h3>
            <p>{t('welcome.sampleDescription')}</p>
            <button type="button" className="secondary" disabled={busy} onClick={() => void loadSample()}>
              {busy ? t('settings.sample.loading') : t('welcome.loadSample')}
            </button>
          </section>
          <div className="form-actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => setStep('basics')}>
              {t('welcome.back')}
            </button>
            <button type="button" className="link" disabled={busy} onClick={() => void startEmpty()}>
              {t('welcome.startEmpty')}
            </button>
          </div>
        </div>
      )}
      {problem ? (
        <p className="status error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
