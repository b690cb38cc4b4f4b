/**
 * Labelled form fields. Each field owns its label, its error message (linked through
 * aria-describedby and aria-invalid) and an optional hint, so every input is found by its label.
 */
import { useId, type ReactNode } from 'react';

interface FieldFrameProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

export function FieldFrame(props: FieldFrameProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={inputId}>{props.label}</label>
      {props.children({ inputId, describedBy, invalid: Boolean(props.error) })}
      {props.hint ? (
        <span id={hintId} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span id={errorId} className="field-error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'date' | 'month' | 'color' | 'number' | 'time' | 'password';
  inputMode?: 'text' | 'decimal' | 'numeric';
  autoFocus?: boolean;
}) {
  return (
    <FieldFrame label={props.label} error={props.error} hint={props.hint}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          value={props.value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoFocus={props.autoFocus}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <FieldFrame label={props.label} error={props.error} hint={props.hint}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          value={props.value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => props.onChange(event.target.value as T)}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField(props: { label: string; checked: boolean; onChange(checked: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div className="field checkbox-field">
      <input id={id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? <span className="field-hint">{props.hint}</span> : null}
    </div>
  );
}
