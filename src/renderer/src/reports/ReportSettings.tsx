// "Instellingen voor verslagen": who draws up the reports (the begeleider's
// organisation, contact details and an optional logo chosen with a dialog in
// main). Shown on every report's first page.

import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage, Field } from '../ui/parts';
import type { ReportIdentityView } from '../../../shared/channels/reports';
import './reports.css';

export function ReportSettings() {
  const [identity, setIdentity] = useState<ReportIdentityView | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [contact, setContact] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();

  const show = (view: ReportIdentityView) => {
    setIdentity(view);
    setOrganisation(view.organisation ?? '');
    setContact(view.contact ?? '');
  };
  useEffect(() => {
    void action.run(() => api('reports:getIdentity', undefined)).then((view) => view && show(view));
    // Load once when opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const view = await action.run(() => api('reports:setIdentity', { organisation, contact }));
    if (view) {
      show(view);
      setMessage('Opgeslagen.');
    }
  };
  const chooseLogo = async () => {
    setMessage(null);
    const view = await action.run(() => api('reports:chooseLogo', undefined));
    if (view) {
      show(view);
      if (view.chosen) setMessage('Logo opgeslagen.');
    }
  };
  const clearLogo = async () => {
    const view = await action.run(() => api('reports:clearLogo', undefined));
    if (view) show(view);
  };

  return (
    <form className="report-settings" onSubmit={submit} aria-label="Instellingen voor verslagen">
      <p className="hint">Deze gegevens staan bovenaan elk verslag.</p>
      <Field label="Organisatie van de begeleider">
        <input value={organisation} maxLength={120} onChange={(e) => setOrganisation(e.target.value)} placeholder="bijvoorbeeld GGD Noorderland" />
      </Field>
      <Field label="Contactgegevens">
        <input value={contact} maxLength={200} onChange={(e) => setContact(e.target.value)} placeholder="naam, e-mail of telefoon" />
      </Field>
      <div className="report-settings-logo">
        {identity?.logoDataUrl ? <img src={identity.logoDataUrl} alt="Huidig logo" /> : <span className="hint">Geen logo.</span>}
        <button type="button" onClick={chooseLogo} disabled={action.busy}>
          Logo kiezen…
        </button>
        {identity?.hasLogo ? (
          <button type="button" onClick={clearLogo} disabled={action.busy}>
            Logo weghalen
          </button>
        ) : null}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={action.busy}>
          Opslaan
        </button>
      </div>
      <ErrorMessage message={action.error} />
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
    </form>
  );
}
