import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The add/edit form of a simple record: a labelled panel with its title, the fields, and
 * Cancel / Save. Enter in any field saves, as in every other form of the app.
 */
export function FormPanel(props: { title: string; onSave: () => unknown; onCancel: () => void; children: ReactNode; problem?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <form
      className="panel form"
      aria-label={props.title}
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSave();
      }}
    >
      <h2>{props.title}</h2>
      {props.children}
      <FormProblem problem={props.problem} />
      <div className="form-actions">
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit">{t('common.save')}</button>
      </div>
    </form>
  );
}

/** A form's alert line (useRecordForm's problem): shown only when there is something to say. */
export function FormProblem(props: { problem?: string | undefined }) {
  return props.problem ? (
    <p className="field-error" role="alert">
      {props.problem}
    </p>
  ) : null;
}

/** The status line of a form that stays open after saving (useRecordForm's status). */
export function FormStatus(props: { status: string }) {
  return (
    <div role="status" className="status ok">
      {props.status}
    </div>
  );
}
