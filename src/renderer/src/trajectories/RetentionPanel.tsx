// Instellingen: the retention period (AVG). Shows what will go before
// anything is removed, and removes only after an explicit confirmation.

import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage, Field, Panel } from '../ui/parts';
import { shortDate } from '../ui/format';
import type { RetentionPreview, RetentionResult } from '../../../shared/trajectories';

const COUNT_LABELS: [keyof RetentionPreview['counts'], string][] = [
  ['sessions', 'sessies'],
  ['attendance', 'aanwezigheidsregels'],
  ['trajectories', 'trajecten'],
  ['interestRegistrations', 'aanmeldingen'],
  ['actions', 'acties'],
  ['participants', 'deelnemers'],
];

export function RetentionPanel() {
  const [years, setYears] = useState('7');
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RetentionResult | null>(null);
  const action = useAction();

  const look = async () => {
    setResult(null);
    setConfirming(false);
    const p = await action.run(() => api('retention:preview', { years: Number(years) }));
    if (p) setPreview(p);
  };
  const apply = async () => {
    if (!preview) return;
    const r = await action.run(() => api('retention:apply', { years: preview.years, token: preview.token }));
    setConfirming(false);
    if (r) {
      setResult(r);
      setPreview(null);
    }
  };
  const total = preview ? Object.values(preview.counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <Panel title="Instellingen: bewaartermijn">
      <p className="muted">
        Gegevens ouder dan de bewaartermijn worden verwijderd. Je ziet eerst precies wat er verdwijnt; er gebeurt niets zonder je
        bevestiging.
      </p>
      <div className="row align-end">
        <Field label="Bewaartermijn in jaren">
          <input
            type="number"
            min={1}
            max={50}
            value={years}
            onChange={(e) => {
              setYears(e.target.value);
              setPreview(null);
            }}
            className="input-narrow"
          />
        </Field>
        <button type="button" onClick={look} disabled={action.busy}>
          Bekijk wat er verdwijnt
        </button>
      </div>
      <ErrorMessage message={action.error} />
      {preview ? (
        <div className="retention-preview" aria-label="Wat er verdwijnt">
          <p>{preview.summary}</p>
          {total === 0 ? (
            null
          ) : confirming ? (
            <div className="confirm" role="alertdialog" aria-label="Verwijderen bevestigen">
              <p>Weet je het zeker? Deze gegevens worden definitief verwijderd en kunnen niet worden teruggehaald.</p>
              <div className="row">
                <button type="button" className="danger" onClick={apply} disabled={action.busy}>
                  Ja, definitief verwijderen
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Annuleren
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="danger align-start" onClick={() => setConfirming(true)}>
              Verwijderen…
            </button>
          )}
        </div>
      ) : null}
      {result ? (
        <p className="success" role="status">
          Verwijderd (alles van vóór {shortDate(result.cutoff)}):{' '}
          {COUNT_LABELS.map(([key, label]) => `${result.deleted[key]} ${label}`).join(', ')}.
        </p>
      ) : null}
    </Panel>
  );
}
