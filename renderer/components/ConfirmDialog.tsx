import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal confirmation for destructive actions; Escape and Cancel both cancel. */
export function ConfirmDialog(props: { title: string; body: string; confirm: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const titleId = useId();
  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} onCancel={props.onCancel} className="dialog">
      <h2 id={titleId}>{props.title}</h2>
      <p>{props.body}</p>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
