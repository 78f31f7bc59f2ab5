// Shared building blocks for the screens.

import { cloneElement, useId, type ReactElement, type ReactNode, type SelectHTMLAttributes } from 'react';

export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** A labelled form control; the label names the control alone (not its options). */
export function Field({ label, children, hint }: { label: string; children: ReactElement<{ id?: string }>; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id })}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </div>
  );
}

export function Panel({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-header">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export interface ChoiceOption {
  value: string | number;
  label: string;
}

/** A select over a list of options, with an optional empty first choice ("Alle …", "Kies …"). */
export function Choice({
  value,
  onChange,
  options,
  empty,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  options: readonly ChoiceOption[];
  empty?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The foot of a form: its Dutch error (if any) and the primary submit button. */
export function FormActions({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  return (
    <div className="form-actions">
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
    </div>
  );
}
