// AVG for one participant: export everything stored (JSON, through main's
// save dialog) and erase with a confirmation that says what happens.

import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import type { Participant } from '../../../shared/domain';
import './privacy.css';

export function ExportPersonButton({ participant, onSaved }: { participant: Participant; onSaved: (path: string) => void }) {
  const action = useAction();
  const save = async () => {
    const result = await action.run(() => api('participants:saveExport', { participantId: participant.id }));
    if (result?.saved && result.path) onSaved(result.path);
  };
  return (
    <>
      <button type="button" className="link-button" onClick={save} disabled={action.busy} aria-label={`Gegevens exporteren (JSON) van ${participant.name}`}>
        Gegevens exporteren (JSON)
      </button>
      {action.error ? <span className="error-inline">{action.error}</span> : null}
    </>
  );
}

export function EraseConfirm({ participant, onDone }: { participant: Participant; onDone: (erased: boolean) => void }) {
  const action = useAction();
  // What will change, from main, before anything is erased; the token makes sure exactly this is erased.
  const preview = useChannel('participants:erasePreview', { participantId: participant.id });
  const erase = async () => {
    if (!preview.data) return;
    const token = preview.data.token;
    if (await action.run(() => api('participants:erase', { participantId: participant.id, token }))) onDone(true);
    else preview.reload();
  };
  const c = preview.data?.counts;
  return (
    <div className="confirm" role="alertdialog" aria-label={`${participant.name} wissen`}>
      <h3>{participant.name} wissen?</h3>
      {c ? (
        <ul aria-label="Wat er verandert">
          <li>De naam en het e-mailadres verdwijnen uit deze lijst, uit {c.groups} {c.groups === 1 ? 'groep' : 'groepen'} en uit toekomstige verslagen.</li>
          <li>
            {c.attendance} aanwezigheidsregels, {c.entries} gekoppelde bijdragen en {c.actions} acties blijven bewaard, maar anoniem (als “Verwijderde deelnemer”).
          </li>
          {c.interest > 0 ? <li>{c.interest} {c.interest === 1 ? 'aanmelding' : 'aanmeldingen'} van deze persoon: naam en e-mailadres worden gewist.</li> : null}
          <li>
            {c.mentions === 0
              ? 'De naam komt niet voor in teksten van de sessies en trajecten van deze persoon.'
              : `De naam komt ${c.mentions} keer voor in teksten van de sessies en trajecten van deze persoon; daar wordt hij vervangen door “Verwijderde deelnemer”:`}
          </li>
        </ul>
      ) : (
        <p className="muted">Even kijken wat er verandert…</p>
      )}
      {preview.data && preview.data.mentions.length > 0 ? (
        <ul className="erase-mentions" aria-label="Gevonden vermeldingen">
          {preview.data.mentions.map((m, i) => (
            <li key={i}>
              <strong>{m.where}</strong>: {m.excerpt}
            </li>
          ))}
        </ul>
      ) : null}
      <p>Dit kan niet ongedaan worden gemaakt. Exporteer eerst de gegevens als de persoon daarom heeft gevraagd. Vlak voor het wissen wordt automatisch een reservekopie gemaakt.</p>
      <ErrorMessage message={preview.error ?? action.error} />
      <div className="row">
        <button type="button" className="danger" onClick={erase} disabled={action.busy || !preview.data}>
          Definitief wissen
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={action.busy}>
          Annuleren
        </button>
      </div>
    </div>
  );
}
