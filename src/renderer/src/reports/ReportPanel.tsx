// Report options and export for a session or a trajectory: choose sections,
// pseudonymise (with a review of anything that still looks like a name before
// saving), look at a preview, then save (main asks where with a dialog). A
// meeting that has not happened offers its agenda and presentielijst instead.

import { useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { ReportPreview } from './ReportPreview';
import { ReportSettings } from './ReportSettings';
import {
  SESSION_SECTIONS,
  SESSION_SECTION_LABELS,
  TRAJECTORY_SECTIONS,
  TRAJECTORY_SECTION_LABELS,
  type NameSuspect,
  type SessionSection,
  type TrajectorySection,
} from '../../../shared/channels/reports';
import './reports.css';

type Props = { kind: 'session'; sessionId: number } | { kind: 'trajectory'; trajectoryId: number };

export function ReportPanel(props: Props) {
  const isSession = props.kind === 'session';
  const all: readonly string[] = isSession ? SESSION_SECTIONS : TRAJECTORY_SECTIONS;
  const labels: Record<string, string> = isSession ? SESSION_SECTION_LABELS : TRAJECTORY_SECTION_LABELS;
  const [sections, setSections] = useState<string[]>([...all]);
  const [pseudonymise, setPseudonymise] = useState(false);
  const [showFacilitator, setShowFacilitator] = useState(true);
  const [preview, setPreview] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** Suspects of the last review, and which of them the user marks as a name (replaced). */
  const [review, setReview] = useState<{ suspects: NameSuspect[]; replace: Set<string> } | null>(null);
  const action = useAction();
  const sessionId = props.kind === 'session' ? props.sessionId : null;
  // Reloaded when attendance or the session changes: ticking the first attendee turns the agenda into a report.
  const state = useChannel('reports:sessionState', sessionId !== null ? { sessionId } : undefined, ['sessions', 'attendance'], sessionId !== null);
  const happened = sessionId === null ? true : (state.data?.happened ?? (state.error ? true : null));

  const title = isSession ? 'Sessieverslag' : 'Trajectverslag';
  const extraNames = review ? [...review.replace] : undefined;
  const options = { pseudonymise, showFacilitator, ...(pseudonymise && extraNames ? { extraNames } : {}) };

  const reset = () => {
    setPreview(null);
    setReview(null);
  };

  const showPreview = async () => {
    const result = await action.run(() =>
      props.kind === 'session'
        ? api('reports:previewSession', { sessionId: props.sessionId, ...options, sections: sections as SessionSection[] })
        : api('reports:previewTrajectory', { trajectoryId: props.trajectoryId, ...options, sections: sections as TrajectorySection[] }),
    );
    if (result) setPreview(result.base64);
  };
  const doSave = async () => {
    const result = await action.run(() =>
      props.kind === 'session'
        ? api('reports:exportSession', { sessionId: props.sessionId, ...options, sections: sections as SessionSection[] })
        : api('reports:exportTrajectory', { trajectoryId: props.trajectoryId, ...options, sections: sections as TrajectorySection[] }),
    );
    if (result?.saved) setSaved(`${title} opgeslagen (${result.pages} ${result.pages === 1 ? 'pagina' : "pagina's"}): ${result.path}`);
  };
  const save = async () => {
    setSaved(null);
    // A pseudonymised report is first checked for words that still look like names; the user decides.
    if (pseudonymise && review === null) {
      const result = await action.run(() =>
        props.kind === 'session'
          ? api('reports:reviewSession', { sessionId: props.sessionId, ...options, sections: sections as SessionSection[] })
          : api('reports:reviewTrajectory', { trajectoryId: props.trajectoryId, ...options, sections: sections as TrajectorySection[] }),
      );
      if (!result) return;
      if (result.suspects.length > 0) {
        setReview({ suspects: result.suspects, replace: new Set(result.suspects.map((s) => s.word)) });
        return;
      }
    }
    await doSave();
  };
  const saveCsv = async () => {
    if (props.kind !== 'session') return;
    setSaved(null);
    const result = await action.run(() => api('reports:exportResultsCsv', { sessionId: props.sessionId }));
    if (result?.saved) setSaved(`Resultaten opgeslagen als CSV: ${result.path}`);
  };
  const preparation = async (mode: 'preview' | 'save') => {
    if (props.kind !== 'session') return;
    setSaved(null);
    if (mode === 'preview') {
      const result = await action.run(() => api('reports:previewPreparation', { sessionId: props.sessionId }));
      if (result) setPreview(result.base64);
    } else {
      const result = await action.run(() => api('reports:exportPreparation', { sessionId: props.sessionId }));
      if (result?.saved) setSaved(`Agenda en presentielijst opgeslagen: ${result.path}`);
    }
  };
  const toggle = (key: string) => {
    reset();
    setSections((current) => (current.includes(key) ? current.filter((k) => k !== key) : all.filter((k) => k === key || current.includes(k))));
  };
  const toggleSuspect = (word: string) => {
    setReview((r) => {
      if (!r) return r;
      const replace = new Set(r.replace);
      if (replace.has(word)) replace.delete(word);
      else replace.add(word);
      return { ...r, replace };
    });
  };

  const settings = (
    <details className="report-settings-details">
      <summary>Instellingen voor verslagen</summary>
      <ReportSettings />
    </details>
  );

  if (happened === false) {
    return (
      <Panel title="Agenda en presentielijst">
        <p>Deze bijeenkomst is nog niet geweest, dus er is nog geen verslag. Druk vooraf de agenda en de presentielijst af.</p>
        <div className="row">
          <button type="button" onClick={() => preparation('preview')} disabled={action.busy}>
            Voorbeeld bekijken
          </button>
          <button type="button" className="primary" onClick={() => preparation('save')} disabled={action.busy}>
            Agenda en presentielijst als PDF opslaan…
          </button>
        </div>
        <Outcome error={action.error} saved={saved} preview={preview} title="Agenda en presentielijst" />
        {settings}
      </Panel>
    );
  }

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
            setShowFacilitator(!e.target.checked);
            reset();
          }}
        />
        Namen weglaten (pseudonimiseren: deelnemers worden "Deelnemer 1", "Deelnemer 2", …)
      </label>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={showFacilitator}
          onChange={(e) => {
            setShowFacilitator(e.target.checked);
            reset();
          }}
        />
        Naam van de begeleider tonen
      </label>
      {review ? (
        <section className="report-review" aria-label="Controle op namen">
          <h3>Controleer deze woorden</h3>
          <p>
            Deze woorden lijken nog op een naam. Aangevinkte woorden worden vervangen door “[naam]”; vink uit wat geen naam is.
          </p>
          <ul>
            {review.suspects.map((s) => (
              <li key={s.word}>
                <label className="inline-check">
                  <input type="checkbox" checked={review.replace.has(s.word)} onChange={() => toggleSuspect(s.word)} />
                  <strong>{s.word}</strong>
                </label>
                <span className="context">{s.context}</span>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" onClick={doSave} disabled={action.busy}>
              Opslaan met deze keuzes…
            </button>
            <button type="button" onClick={showPreview} disabled={action.busy}>
              Voorbeeld met deze keuzes
            </button>
            <button type="button" onClick={() => setReview(null)} disabled={action.busy}>
              Annuleren
            </button>
          </div>
        </section>
      ) : null}
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
      <Outcome error={action.error} saved={saved} preview={preview} title={title} />
      {settings}
    </Panel>
  );
}

/** What a report action left: its error, where the file was saved, or the preview. */
function Outcome({ error, saved, preview, title }: { error: string | null; saved: string | null; preview: string | null; title: string }) {
  return (
    <>
      <ErrorMessage message={error} />
      {saved ? (
        <p className="success" role="status">
          {saved}
        </p>
      ) : null}
      {preview ? <ReportPreview base64={preview} title={title} /> : null}
    </>
  );
}
