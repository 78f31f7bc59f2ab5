// Shared building blocks for the screens.

import { cloneElement, useEffect, useId, useRef, useState, type ReactElement, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * A Dutch error. Inside a form it goes away as soon as the user changes a
 * field of that form (they are fixing it); it shows again if the next try
 * fails too.
 */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // A new attempt clears the message first; forget the dismissal then, so the same error can show again.
  if (!message && dismissed !== null) setDismissed(null);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form || !message) return undefined;
    const fixing = () => setDismissed(message);
    form.addEventListener('input', fixing);
    form.addEventListener('change', fixing);
    return () => {
      form.removeEventListener('input', fixing);
      form.removeEventListener('change', fixing);
    };
  }, [message]);
  if (!message || dismissed === message) return null;
  return (
    <p className="error" role="alert" ref={ref}>
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

/** Save and cancel for a record edited in place, with the error beside them (same markup everywhere). */
export function EditActions({ label, busy, error, onCancel }: { label: string; busy: boolean; error: string | null; onCancel: () => void }) {
  return (
    <>
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        Annuleren
      </button>
      <ErrorMessage message={error} />
    </>
  );
}
