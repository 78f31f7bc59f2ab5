// Import participants from CSV: main opens and reads the file (or the user
// pastes the text), shows a preview with row-level Dutch errors and imports
// all rows, or on request only the good ones. Unknown schools can be created,
// and people already there are skipped or updated (a re-import is not refused).

import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage, Field } from '../ui/parts';
import type { ImportOptions, ImportPreview, ImportRow, ImportResult } from '../../../shared/trajectories';
import { SCHOOL_SECTORS, type SchoolSector } from '../../../shared/domain';

function remark(r: ImportRow): string {
  const parts: string[] = [];
  if (r.action === 'overslaan') parts.push('bestaat al: wordt overgeslagen');
  if (r.action === 'bijwerken') parts.push('bestaat al: wordt bijgewerkt');
  if (r.newSchool) parts.push('school wordt aangemaakt');
  return parts.length > 0 ? parts.join('; ').replace(/^./, (c) => c.toUpperCase()) : 'In orde';
}

function summary(result: ImportResult, groupName: string | null): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [`${n(result.imported, 'deelnemer', 'deelnemers')} ingelezen${groupName ? ` en toegevoegd aan ${groupName}` : ''}`];
  if (result.updated) parts.push(`${result.updated} bijgewerkt`);
  if (result.skipped) parts.push(`${result.skipped} overgeslagen (bestond al)`);
  if (result.failed) parts.push(`${n(result.failed, 'foute regel', 'foute regels')} niet ingelezen`);
  if (result.schoolsCreated) parts.push(`${n(result.schoolsCreated, 'school', 'scholen')} aangemaakt`);
  return `${parts.join(', ')}.`;
}

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
  const [createSchools, setCreateSchools] = useState(false);
  const [newSchoolSector, setNewSchoolSector] = useState<SchoolSector>('po');
  const [existing, setExisting] = useState<'overslaan' | 'bijwerken'>('overslaan');
  const action = useAction();
  const options: ImportOptions = { createSchools, newSchoolSector, existing };
  /** The options changed: the preview of the same text is asked again. */
  const repreview = async (next: ImportOptions) => {
    if (csv === null) return;
    const result = await action.run(() => api('participants:importPreview', { organisationId, csv, ...options, ...next }));
    if (result) setPreview(result);
  };

  const reset = () => {
    setCsv(null);
    setSource(null);
    setPreview(null);
  };
  const chooseFile = async () => {
    setDone(null);
    const result = await action.run(() => api('participants:importFile', { organisationId, ...options }));
    if (!result?.chosen) return;
    setCsv(result.csv);
    setSource(result.fileName);
    setPreview(result.preview);
  };
  const previewPasted = async () => {
    setDone(null);
    const result = await action.run(() => api('participants:importPreview', { organisationId, csv: pasted, ...options }));
    if (!result) return;
    setCsv(pasted);
    setSource('geplakte tekst');
    setPreview(result);
  };
  const commit = async (onlyGoodRows: boolean) => {
    if (csv === null) return;
    const result = await action.run(() =>
      api('participants:importCommit', {
        organisationId,
        csv,
        groupId: addToGroup && group ? group.id : null,
        ...options,
        onlyGoodRows,
      }),
    );
    if (!result) return;
    reset();
    setPasted('');
    setDone(summary(result, addToGroup && group ? group.name : null));
    onImported?.();
  };
  const badRows = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const goodRows = (preview?.rows.length ?? 0) - badRows;

  return (
    <section className="csv-import" aria-label="Deelnemers inlezen">
      <h3>Deelnemers inlezen uit CSV</h3>
      <p className="muted small">
        Kolommen: naam, school, rol en email (school en email mogen leeg). Scheidingsteken ; of ,. Met fouten in het bestand kun je
        alleen de goede rijen inlezen.
      </p>
      <fieldset className="row import-options">
        <legend className="visually-hidden">Opties voor de import</legend>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={createSchools}
            onChange={(e) => {
              setCreateSchools(e.target.checked);
              void repreview({ createSchools: e.target.checked });
            }}
          />
          Onbekende scholen aanmaken
        </label>
        {createSchools ? (
          <Field label="Sector nieuwe scholen">
            <select
              value={newSchoolSector}
              onChange={(e) => {
                setNewSchoolSector(e.target.value as SchoolSector);
                void repreview({ newSchoolSector: e.target.value as SchoolSector });
              }}
            >
              {SCHOOL_SECTORS.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label="Deelnemers die er al zijn">
          <select
            value={existing}
            onChange={(e) => {
              const value = e.target.value as 'overslaan' | 'bijwerken';
              setExisting(value);
              void repreview({ existing: value });
            }}
          >
            <option value="overslaan">Overslaan</option>
            <option value="bijwerken">Bijwerken (rol en e-mail)</option>
          </select>
        </Field>
      </fieldset>
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
              <p>
                {goodRows > 0
                  ? `Er is niets ingelezen. Verbeter het bestand en kies het opnieuw, of lees alleen de ${goodRows} goede ${goodRows === 1 ? 'rij' : 'rijen'} in:`
                  : 'Er is niets ingelezen. Verbeter het bestand en kies het opnieuw:'}
              </p>
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
                          remark(r)
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
              <button type="button" className="primary" onClick={() => commit(false)} disabled={action.busy}>
                {preview.rows.length} {preview.rows.length === 1 ? 'deelnemer' : 'deelnemers'} inlezen
              </button>
            ) : goodRows > 0 ? (
              <button type="button" className="primary" onClick={() => commit(true)} disabled={action.busy}>
                Alleen de goede rijen importeren ({goodRows})
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
