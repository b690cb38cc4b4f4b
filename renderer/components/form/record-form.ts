/**
 * The pure part of useRecordForm: what a record form shows besides its fields, how each outcome
 * of a save changes it, and which refused writes the form answers itself. No React here.
 */
import type { TFunction } from 'i18next';
import { DomainValidationError, type FieldError } from '../../../shared/domain';
import { editConflictMessage } from './edit-base';
import { fieldErrorMessages } from './errors';

/** One message per field, in words, keyed by the field's name. */
export type FieldMessages = Record<string, string>;

/** What a form tells useRecordForm: how to write its draft, and what follows a save. */
export interface RecordFormOptions<Draft, Saved> {
  /** The draft the form opens with (read on the first render only). */
  initial: Draft;
  /**
   * Converts the draft and writes it: returns what was saved, or invalid(errors) when the form's
   * own checks fail and nothing was written. Throwing an edit conflict or a validation error is
   * answered by the form; anything else is rethrown.
   */
  write(draft: Draft): Saved | Invalid | Promise<Saved | Invalid>;
  /**
   * After a save: close the form, go on, or keep it open with `next` (the draft to start over
   * from, given the current one) and `status` (the words for the status line).
   */
  onSaved?(saved: Saved, draft: Draft): { next?: (draft: Draft) => Draft; status?: string } | void;
  /** The label that names a field in its message; the field's own name when not given. */
  fieldLabel?(field: string): string;
  /** Rewords the messages of a write refused by validation, where a field needs its own words. */
  reword?(messages: FieldMessages): FieldMessages;
}

export interface RecordFormState<Draft> {
  /** The fields as the user typed them. */
  draft: Draft;
  /** The message under each field that is wrong. */
  errors: FieldMessages;
  /** The form's alert line: an edit that collided with a change made elsewhere. Empty when none. */
  problem: string;
  /** The status line: what the last save did, for forms that stay open. Empty when none. */
  status: string;
}

export type RecordFormAction<Draft> =
  /** The user changed fields. */
  | { type: 'edit'; change: (draft: Draft) => Draft }
  /** The form's own checks or the write found fields that are wrong: only the field messages change. */
  | { type: 'invalid'; errors: FieldMessages }
  /** The write collided with a change made elsewhere: only the alert line changes. */
  | { type: 'conflict'; problem: string }
  /** The write went through: no messages are left; the draft may start over and the status line speak. */
  | { type: 'saved'; next?: ((draft: Draft) => Draft) | undefined; status?: string | undefined };

export function initialRecordForm<Draft>(draft: Draft): RecordFormState<Draft> {
  return { draft, errors: {}, problem: '', status: '' };
}

export function recordFormReducer<Draft>(state: RecordFormState<Draft>, action: RecordFormAction<Draft>): RecordFormState<Draft> {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: action.change(state.draft) };
    case 'invalid':
      return { ...state, errors: action.errors };
    case 'conflict':
      return { ...state, problem: action.problem };
    case 'saved':
      return { draft: action.next ? action.next(state.draft) : state.draft, errors: {}, problem: '', status: action.status ?? '' };
  }
}

/** The draft's setters, as actions: every change is made from the draft as it is when applied. */
export interface DraftSetters<Draft> {
  /** Merges changed fields into the draft. */
  set(changes: Partial<Draft>): void;
  /** A setter for one field, for a field's onChange. */
  setter<K extends keyof Draft>(key: K): (value: Draft[K]) => void;
  /** Changes the draft from its current value (lists, fields that depend on each other). */
  update(change: (draft: Draft) => Draft): void;
}

export function draftSetters<Draft>(dispatch: (action: RecordFormAction<Draft>) => void): DraftSetters<Draft> {
  const update = (change: (draft: Draft) => Draft) => dispatch({ type: 'edit', change });
  return {
    set: (changes) => update((draft) => ({ ...draft, ...changes })),
    setter: (key) => (value) => update((draft) => ({ ...draft, [key]: value })),
    update,
  };
}

/**
 * What a form's own checks found before writing: messages already in words (from readMoney and
 * the like), or field errors (from a draft's conversion) that are put in words like the write's.
 */
export class Invalid {
  constructor(readonly errors: FieldMessages | readonly FieldError[]) {}
}

/** Returned by a form's write instead of a result: nothing is written, these fields are wrong. */
export function invalid(errors: FieldMessages | readonly FieldError[]): Invalid {
  return new Invalid(errors);
}

/** The messages of an Invalid, field errors translated with the field's label. */
export function messagesOf(errors: FieldMessages | readonly FieldError[], t: TFunction, fieldLabel: (field: string) => string): FieldMessages {
  return isFieldErrorList(errors) ? fieldErrorMessages(errors, t, fieldLabel) : errors;
}

function isFieldErrorList(errors: FieldMessages | readonly FieldError[]): errors is readonly FieldError[] {
  return Array.isArray(errors);
}

/**
 * How the form answers a write that threw: an edit conflict in its alert line, a validation error
 * under its fields (reworded where the form says so); undefined for anything else, which the
 * caller rethrows (a full disk then reaches the app's storage banner).
 */
export function refusalOf<Draft>(
  error: unknown,
  t: TFunction,
  fieldLabel: (field: string) => string,
  reword?: (messages: FieldMessages) => FieldMessages,
): RecordFormAction<Draft> | undefined {
  const conflict = editConflictMessage(error, t);
  if (conflict) return { type: 'conflict', problem: conflict };
  if (!(error instanceof DomainValidationError)) return undefined;
  const messages = fieldErrorMessages(error.fieldErrors, t, fieldLabel);
  return { type: 'invalid', errors: reword ? reword(messages) : messages };
}

/**
 * One save of a record form, from the draft as submitted to the actions that follow: invalid
 * (the form's checks or the write's validation), conflict, or saved after onSaved has run.
 */
export async function submitRecord<Draft, Saved>(draft: Draft, options: RecordFormOptions<Draft, Saved>, t: TFunction, dispatch: (action: RecordFormAction<Draft>) => void): Promise<void> {
  const fieldLabel = options.fieldLabel ?? ((field: string) => field);
  let result: Saved | Invalid;
  try {
    result = await options.write(draft);
  } catch (error) {
    const refusal = refusalOf<Draft>(error, t, fieldLabel, options.reword);
    if (!refusal) throw error;
    return dispatch(refusal);
  }
  if (result instanceof Invalid) return dispatch({ type: 'invalid', errors: messagesOf(result.errors, t, fieldLabel) });
  const after = options.onSaved?.(result, draft);
  dispatch({ type: 'saved', next: after?.next, status: after?.status });
}
