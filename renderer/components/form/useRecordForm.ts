/**
 * The skeleton every record form shares, in one hook.
 *
 * It owns: the draft state and its setters; the message under each field, from the form's own
 * checks (write returns invalid(...): messages in words, or field errors it translates) and from
 * a write refused with a DomainValidationError (translated with fieldLabel, first error of each
 * field); the alert line for an EditConflictError (common.editConflict); the status line a save
 * may leave; and what each outcome does to them: failed checks or a refused write change only the
 * field messages, a conflict only the alert line, a save clears both and may start the draft over
 * and set the status line (onSaved's next and status). Any other error is rethrown, so a full
 * disk still reaches the app's storage banner.
 *
 * The form keeps its fields, labels and layout; its draft <-> row conversion and checks and the
 * write itself (write); what follows a save: close, navigate, focus, tell the page (onSaved). It
 * shows `errors` under its fields, `problem` in its alert line (FormPanel's problem prop, or
 * FormProblem) and `status` in its status line (FormStatus). The pure part is record-form.ts.
 */
import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { draftSetters, initialRecordForm, recordFormReducer, submitRecord, type DraftSetters, type FieldMessages, type RecordFormOptions } from './record-form';

export { invalid, type FieldMessages, type RecordFormOptions } from './record-form';

export interface RecordForm<Draft> extends DraftSetters<Draft> {
  draft: Draft;
  errors: FieldMessages;
  problem: string;
  status: string;
  /** Checks and writes the draft as it is now; the form's Save (or Enter) calls it. */
  save(): Promise<void>;
}

export function useRecordForm<Draft, Saved = void>(options: RecordFormOptions<Draft, Saved>): RecordForm<Draft> {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(recordFormReducer<Draft>, options.initial, initialRecordForm<Draft>);
  return {
    ...draftSetters(dispatch),
    draft: state.draft,
    errors: state.errors,
    problem: state.problem,
    status: state.status,
    save: () => submitRecord(state.draft, options, t, dispatch),
  };
}
