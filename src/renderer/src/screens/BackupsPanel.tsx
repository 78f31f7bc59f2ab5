// Reservekopieën on the start screen: the automatic backups in the data
// folder (with their rotation), "Reservekopie maken" to a file chosen in
// main's save dialog, and "Terugzetten" from a listed backup or a file chosen
// in main's open dialog. A restore asks for confirmation first; main checks
// the backup, keeps a safety copy of the current database and reopens.

import { useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../shared/channels/backup';
import './backups.css';

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
const size = (bytes: number) => (bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} kB` : `${(bytes / 1_000_000).toFixed(1)} MB`);

export function BackupsPanel({ onRestored, canCreate = true }: { onRestored: (message: string) => void; canCreate?: boolean }) {
  const list = useChannel('backup:list', undefined, ['organisations']);
  const action = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | 'bestand' | null>(null);

  const create = async () => {
    setNotice(null);
    const result = await action.run(() => api('backup:create'));
    if (result?.saved) setNotice(`Reservekopie opgeslagen: ${result.path}`);
  };
  const restore = async () => {
    if (!confirm) return;
    setNotice(null);
    const result = await action.run(() => api('backup:restore', confirm === 'bestand' ? {} : { name: confirm.name }));
    setConfirm(null);
    if (result?.restored) {
      list.reload();
      onRestored(
        `Teruggezet: ${result.from}. De database van vlak daarvoor staat als ${result.safetyCopy ?? 'veiligheidskopie'} bij de reservekopieën.`,
      );
    }
  };

  const backups = list.data?.backups ?? [];
  return (
    <Panel title="Reservekopieën">
      <p className="muted">{list.data?.rotation}</p>
      <ErrorMessage message={list.error ?? action.error ?? list.data?.warning} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="row">
        {canCreate ? (
          <button type="button" onClick={create} disabled={action.busy}>
            Reservekopie maken
          </button>
        ) : null}
        <button type="button" onClick={() => setConfirm('bestand')} disabled={action.busy}>
          Terugzetten uit bestand…
        </button>
      </div>
      {confirm ? (
        <div className="confirm" role="alertdialog" aria-label="Reservekopie terugzetten">
          <h3>
            {confirm === 'bestand' ? 'Een reservekopie uit een bestand terugzetten?' : `Reservekopie van ${dateTime.format(new Date(confirm.createdAt))} terugzetten?`}
          </h3>
          <ul>
            <li>Alles wat daarna is ingevoerd, staat niet in deze reservekopie.</li>
            <li>Eerst wordt de reservekopie gecontroleerd; de huidige database wordt als veiligheidskopie bewaard.</li>
          </ul>
          <div className="row">
            <button type="button" className="danger" onClick={restore} disabled={action.busy}>
              {confirm === 'bestand' ? 'Bestand kiezen en terugzetten' : 'Terugzetten'}
            </button>
            <button type="button" onClick={() => setConfirm(null)} disabled={action.busy}>
              Annuleren
            </button>
          </div>
        </div>
      ) : null}
      {backups.length === 0 ? (
        <p className="empty">Nog geen reservekopieën in {list.data?.folder ?? 'de gegevensmap'}.</p>
      ) : (
        <table className="backups-table">
          <caption className="muted">
            In <code>{list.data?.folder}</code>
          </caption>
          <thead>
            <tr>
              <th scope="col">Gemaakt</th>
              <th scope="col">Soort</th>
              <th scope="col">Grootte</th>
              <th scope="col">
                <span className="visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>{dateTime.format(new Date(b.createdAt))}</td>
                <td>{BACKUP_KIND_LABELS[b.kind]}</td>
                <td>{size(b.size)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setConfirm(b)}
                    disabled={action.busy}
                    aria-label={`Terugzetten: reservekopie van ${dateTime.format(new Date(b.createdAt))}`}
                  >
                    Terugzetten
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
