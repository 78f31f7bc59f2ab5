// Import participants from CSV: main opens and reads the file (or the user
// pastes the text), shows a preview with row-level Dutch errors and imports
// all rows or none.

import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage, Field } from '../ui/parts';
import type { ImportPreview } from '../../../shared/trajectories';

export function CsvImport({
  organisationId,
  group,
  onImported,
}: {
  organisationId: number;
  group: { id: number; name: string } | undefined;
  onImported?: () => void;
}) {
  const [csv, setCsv] = useState<string | null>(null);
  const [source, setSource] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [pasted, setPasted] = useState('');
  const [addToGroup, setAddToGroup] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  const reset = () => {
    setCsv(null);
    setSource(null);
    setPreview(null);
  };
  const chooseFile = async () => {
    setDone(null);
    const result = await action.run(() => api('participants:importFile', { organisationId }));
    if (!result?.chosen) return;
    setCsv(result.csv);
    setSource(result.fileName);
    setPreview(result.preview);
  };
  const previewPasted = async () => {
    setDone(null);
    const result = await action.run(() => api('participants:importPreview', { organisationId, csv: pasted }));
    if (!result) return;
    setCsv(pasted);
    setSource('geplakte tekst');
    setPreview(result);
  };
  const commit = async () => {
    if (csv === null) return;
    const result = await action.run(() =>
      api('participants:importCommit', { organisationId, csv, groupId: addToGroup && group ? group.id : null }),
    );
    if (!result) return;
    reset();
    setPasted('');
    setDone(
      `${result.imported} ${result.imported === 1 ? 'deelnemer' : 'deelnemers'} ingelezen${addToGroup && group ? ` en toegevoegd aan ${group.name}` : ''}.`,
    );
    onImported?.();
  };
  const badRows = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;

  return (
    <section className="csv-import" aria-label="Deelnemers inlezen">
      <h3>Deelnemers inlezen uit CSV</h3>
      <p className="muted small">
        Kolommen: naam, school, rol en email (school en email mogen leeg). Scheidingsteken ; of ,. Er wordt niets ingelezen zolang
        er een regel fout is.
      </p>
      <div className="row">
        <button type="button" onClick={chooseFile} disabled={action.busy}>
          CSV-bestand kiezen…
        </button>
        {group ? (
          <label className="inline-check">
            <input type="checkbox" checked={addToGroup} onChange={(e) => setAddToGroup(e.target.checked)} />
            Ook toevoegen aan {group.name}
          </label>
        ) : null}
      </div>
      <details>
        <summary>Of plak de CSV-tekst</summary>
        <div className="form">
          <Field label="CSV-tekst">
            <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={5} className="mono" />
          </Field>
          <button type="button" onClick={previewPasted} disabled={action.busy || pasted.trim() === ''}>
            Voorbeeld tonen
          </button>
        </div>
      </details>
      <ErrorMessage message={action.error} />
      {done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
      {preview ? (
        <div className="import-preview" aria-label="Voorbeeld van de import">
          <p>
            <strong>Voorbeeld van {source}</strong>: {preview.rows.length} {preview.rows.length === 1 ? 'regel' : 'regels'}
            {badRows > 0 ? `, ${badRows} met fouten` : ''}.
          </p>
          {!preview.ok ? (
            <div className="error" role="alert">
              <p>Er is niets ingelezen. Verbeter het bestand en kies het opnieuw:</p>
              <ul>
                {preview.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.rows.length > 0 ? (
            <div className="table-scroll">
              <table className="table compact-table">
                <thead>
                  <tr>
                    <th>Regel</th>
                    <th>Naam</th>
                    <th>School</th>
                    <th>Rol</th>
                    <th>E-mail</th>
                    <th>Opmerking</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className={r.errors.length > 0 ? 'row-error' : ''}>
                      <td>{r.line}</td>
                      <td>{r.name || <em className="muted">(leeg)</em>}</td>
                      <td>{r.schoolName ?? '—'}</td>
                      <td>{r.role ?? '—'}</td>
                      <td>{r.email ?? '—'}</td>
                      <td>
                        {r.errors.length > 0 ? (
                          <ul className="row-errors">
                            {r.errors.map((e) => (
                              <li key={e}>{e}</li>
                            ))}
                          </ul>
                        ) : (
                          'In orde'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="row">
            {preview.ok ? (
              <button type="button" className="primary" onClick={commit} disabled={action.busy}>
                {preview.rows.length} {preview.rows.length === 1 ? 'deelnemer' : 'deelnemers'} inlezen
              </button>
            ) : null}
            <button type="button" onClick={reset} disabled={action.busy}>
              Annuleren
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
