// AVG for one participant: export everything stored (JSON, through main's
// save dialog) and erase with a confirmation that says what happens.

import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import type { Participant } from '../../../shared/domain';

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
  const erase = async () => {
    if (await action.run(() => api('participants:erase', { participantId: participant.id }))) onDone(true);
  };
  return (
    <div className="confirm" role="alertdialog" aria-label={`${participant.name} wissen`}>
      <h3>{participant.name} wissen?</h3>
      <ul>
        <li>De naam en het e-mailadres worden overal gewist: in deze lijst, in groepen, aanwezigheid en in toekomstige verslagen.</li>
        <li>Aanwezigheid, acties en bijdragen blijven bewaard, maar anoniem (als “gewiste deelnemer”).</li>
        <li>Dit kan niet ongedaan worden gemaakt. Exporteer eerst de gegevens als de persoon daarom heeft gevraagd.</li>
      </ul>
      <ErrorMessage message={action.error} />
      <div className="row">
        <button type="button" className="danger" onClick={erase} disabled={action.busy}>
          Definitief wissen
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={action.busy}>
          Annuleren
        </button>
      </div>
    </div>
  );
}
