// The facilitator's instrument for capturing the room while talking: the
// type's own entry component (types/<type>.tsx), keyboard first (Enter stores and keeps the
// focus), anonymous unless a present participant is deliberately linked.
// Every entry is stored by main the moment it is entered.

import { useState } from 'react';
import { api } from '../api/client';
import { useChannel } from '../ui/hooks';
import { Choice } from '../ui/parts';
import { ResultsView } from './ResultsView';
import { viewOf } from './types';
import { BySchool } from './BySchool';
import { PhoneControls } from './PhoneControls';
import type { RunState } from './useRun';
import type { EntryInput } from '../../../shared/channels/workformats';
import { WORK_FORMAT_LABELS, WORK_FORMAT_TYPES, type WorkFormat, type WorkFormatType } from '../../../shared/module-format';
import type { RunView } from '../../../shared/work-formats';
import { DECLARATION_RULES } from '../../../shared/work-format-declarations';

export function WorkFormatPanel({
  sessionId,
  slideId,
  declared,
  state,
  onClose,
}: {
  sessionId: number;
  slideId: string | null;
  declared: WorkFormat | undefined;
  state: RunState;
  /** Leave the panel (back to the next-slide preview) when the slide has no format of its own. */
  onClose?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const attendance = useChannel('attendance:list', { sessionId }, ['attendance']);
  const present = (attendance.data ?? []).filter((r) => r.status === 'aanwezig' || r.status === 'te_laat');
  const format = state.run?.declaration ?? declared;

  const run = async <T,>(action: (run: RunView) => Promise<T>): Promise<T | undefined> => {
    try {
      const target = await state.ensure();
      const result = await action(target);
      setError(null);
      // No reload here: main pushes 'workformat:changed' and useRun fetches the new results once.
      return result;
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    }
  };
  const add = (entry: EntryInput, participantId: number | null = null) =>
    run((r) => api('entries:add', { runId: r.run.id, entry, participantId }));

  if (adding || (!format && !state.run)) {
    return (
      <AdHocForm
        onCancel={adding ? () => setAdding(false) : onClose}
        onStart={async (f) => {
          try {
            const started = await api('runs:startAdHoc', { sessionId, slideId, format: f });
            state.setAdHoc(started.run.id);
            setAdding(false);
            setError(null);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
        error={error}
      />
    );
  }
  if (!format) return null;
  const view = state.run;
  const { Entry } = viewOf(format.type);

  return (
    <section className="wf-panel" aria-label="Werkvorm">
      <header className="wf-header">
        <div>
          <span className="wf-type">{WORK_FORMAT_LABELS[format.type]}</span>
          {view?.run.adHoc ? <span className="wf-badge">ter plekke</span> : null}
          <p className="wf-prompt">{format.prompt}</p>
        </div>
        <div className="wf-actions">
          <button type="button" disabled={!view} aria-pressed={view?.run.revealed ?? false} onClick={() => view && run((r) => api('runs:reveal', { runId: r.run.id, revealed: !r.run.revealed }))}>
            {view?.run.revealed ? 'Resultaat verbergen' : 'Resultaat tonen'}
          </button>
          <button type="button" disabled={!view || view.entries.length === 0} onClick={() => run((r) => api('entries:undo', { runId: r.run.id }))}>
            Ongedaan maken
          </button>
          <button type="button" onClick={() => setAdding(true)}>
            Werkvorm toevoegen
          </button>
          {state.adHocRunId !== null ? (
            <button type="button" onClick={() => (declared ? state.setAdHoc(null) : onClose?.())}>
              Terug naar de dia
            </button>
          ) : null}
        </div>
      </header>
      <PhoneControls sessionId={sessionId} format={format} view={view} run={run} />
      <Entry format={format} view={view} present={present} add={add} run={run} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {view?.results && !viewOf(view.results.type).board ? (
        <section className="wf-results" aria-label="Resultaten">
          <ResultsView results={view.results} showNames />
          <BySchool split={view.bySchool} />
        </section>
      ) : null}
    </section>
  );
}

function AdHocForm({
  onStart,
  onCancel,
  error,
}: {
  onStart: (format: { type: WorkFormatType; prompt: string; options?: string[]; minutes?: number }) => Promise<void>;
  onCancel?: () => void;
  error: string | null;
}) {
  const [type, setType] = useState<WorkFormatType>('rondje');
  const [prompt, setPrompt] = useState('');
  const [options, setOptions] = useState('');
  const [minutes, setMinutes] = useState('5');
  // The same table main checks the format against: options exactly where main wants them.
  const needsOptions = DECLARATION_RULES[type].fields.includes('options');
  return (
    <section className="wf-panel" aria-label="Werkvorm toevoegen">
      <form
        className="wf-adhoc"
        onSubmit={(e) => {
          e.preventDefault();
          void onStart({
            type,
            prompt,
            ...(needsOptions ? { options: options.split(',').map((o) => o.trim()).filter(Boolean) } : {}),
            minutes: Number(minutes),
          });
        }}
      >
        <h2>Werkvorm ter plekke</h2>
        <Choice
          value={type}
          onChange={(value) => setType(value as WorkFormatType)}
          aria-label="Type werkvorm"
          options={WORK_FORMAT_TYPES.map((t) => ({ value: t, label: WORK_FORMAT_LABELS[t] }))}
        />
        <input value={prompt} onChange={(e) => setPrompt(e.target.value)} aria-label="Vraag" placeholder="Vraag of opdracht" />
        {needsOptions ? (
          <input value={options} onChange={(e) => setOptions(e.target.value)} aria-label="Opties" placeholder="Opties, met komma's" />
        ) : null}
        <input type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="Minuten" min={1} max={60} />
        <button type="submit">Starten</button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Annuleren
          </button>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
