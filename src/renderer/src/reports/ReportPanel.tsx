// Report options and export for a session or a trajectory: choose sections,
// pseudonymise, look at a preview, then save (main asks where with a dialog).

import { useState } from 'react';
import { api } from '../api/client';
import { useAction } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { ReportPreview } from './ReportPreview';
import {
  SESSION_SECTIONS,
  SESSION_SECTION_LABELS,
  TRAJECTORY_SECTIONS,
  TRAJECTORY_SECTION_LABELS,
  type SessionSection,
  type TrajectorySection,
} from '../../../shared/channels/reports';

type Props = { kind: 'session'; sessionId: number } | { kind: 'trajectory'; trajectoryId: number };

export function ReportPanel(props: Props) {
  const isSession = props.kind === 'session';
  const all: readonly string[] = isSession ? SESSION_SECTIONS : TRAJECTORY_SECTIONS;
  const labels: Record<string, string> = isSession ? SESSION_SECTION_LABELS : TRAJECTORY_SECTION_LABELS;
  const [sections, setSections] = useState<string[]>([...all]);
  const [pseudonymise, setPseudonymise] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();
  const title = isSession ? 'Sessieverslag' : 'Trajectverslag';

  const options = { pseudonymise, sections };
  const showPreview = async () => {
    const result = await action.run(() =>
      props.kind === 'session'
        ? api('reports:previewSession', { sessionId: props.sessionId, ...options, sections: sections as SessionSection[] })
        : api('reports:previewTrajectory', { trajectoryId: props.trajectoryId, ...options, sections: sections as TrajectorySection[] }),
    );
    if (result) setPreview(result.base64);
  };
  const save = async () => {
    setSaved(null);
    const result = await action.run(() =>
      props.kind === 'session'
        ? api('reports:exportSession', { sessionId: props.sessionId, ...options, sections: sections as SessionSection[] })
        : api('reports:exportTrajectory', { trajectoryId: props.trajectoryId, ...options, sections: sections as TrajectorySection[] }),
    );
    if (result?.saved) setSaved(`${title} opgeslagen (${result.pages} ${result.pages === 1 ? 'pagina' : "pagina's"}): ${result.path}`);
  };
  const saveCsv = async () => {
    if (props.kind !== 'session') return;
    setSaved(null);
    const result = await action.run(() => api('reports:exportResultsCsv', { sessionId: props.sessionId }));
    if (result?.saved) setSaved(`Resultaten opgeslagen als CSV: ${result.path}`);
  };
  const toggle = (key: string) => {
    setPreview(null);
    setSections((current) => (current.includes(key) ? current.filter((k) => k !== key) : all.filter((k) => k === key || current.includes(k))));
  };

  return (
    <Panel title={title}>
      <fieldset className="report-options">
        <legend>Onderdelen</legend>
        {all.map((key) => (
          <label key={key} className="inline-check">
            <input type="checkbox" checked={sections.includes(key)} onChange={() => toggle(key)} />
            {labels[key]}
          </label>
        ))}
      </fieldset>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={pseudonymise}
          onChange={(e) => {
            setPseudonymise(e.target.checked);
            setPreview(null);
          }}
        />
        Namen weglaten (pseudonimiseren: geen enkele deelnemersnaam in het bestand)
      </label>
      <div className="row">
        <button type="button" onClick={showPreview} disabled={action.busy}>
          Voorbeeld bekijken
        </button>
        <button type="button" className="primary" onClick={save} disabled={action.busy}>
          {title} als PDF opslaan…
        </button>
        {isSession ? (
          <button type="button" onClick={saveCsv} disabled={action.busy}>
            Resultaten als CSV opslaan…
          </button>
        ) : null}
      </div>
      <ErrorMessage message={action.error} />
      {saved ? (
        <p className="success" role="status">
          {saved}
        </p>
      ) : null}
      {preview ? <ReportPreview base64={preview} title={title} /> : null}
    </Panel>
  );
}
