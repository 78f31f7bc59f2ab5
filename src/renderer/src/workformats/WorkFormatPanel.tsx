// The facilitator's instrument for capturing the room while talking: one
// entry form per work format, keyboard first (Enter stores and keeps the
// focus), anonymous unless a present participant is deliberately linked.
// Every entry is stored by main the moment it is entered.

import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import { useChannel } from '../ui/hooks';
import { Choice } from '../ui/parts';
import { ResultsView } from './ResultsView';
import { TimerView } from './TimerView';
import { PhoneControls } from './PhoneControls';
import type { RunState } from './useRun';
import type { EntryInput, TimerCommand } from '../../../shared/channels/workformats';
import { WORK_FORMAT_LABELS, WORK_FORMAT_TYPES, type WorkFormat, type WorkFormatType } from '../../../shared/module-format';
import type { RunView } from '../../../shared/work-formats';

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
      <EntryForm format={format} view={view} present={present} add={add} run={run} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {view?.results && view.results.type !== 'brainstorm' ? (
        <section className="wf-results" aria-label="Resultaten">
          <ResultsView results={view.results} showNames />
        </section>
      ) : null}
    </section>
  );
}

type Add = (entry: EntryInput, participantId?: number | null) => Promise<unknown>;
type Run = <T>(action: (run: RunView) => Promise<T>) => Promise<T | undefined>;

function TextEntry({
  label,
  onSubmit,
  present,
  children,
}: {
  label: string;
  onSubmit: (text: string, participantId: number | null) => Promise<unknown>;
  present?: { participantId: number; name: string }[];
  children?: ReactNode;
}) {
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Clear at once so the next entry can be typed while main stores this one; clearing after the
    // acknowledgement would wipe what was typed in between. On an error the text comes back.
    const value = text;
    const participant = who ? Number(who) : null;
    setText('');
    setWho('');
    const stored = await onSubmit(value, participant);
    if (stored === undefined) setText((current) => (current === '' ? value : current));
  };
  return (
    <form className="wf-entry" onSubmit={submit}>
      {children}
      <input value={text} onChange={(e) => setText(e.target.value)} aria-label={label} placeholder={`${label} – Enter`} autoComplete="off" />
      {present ? (
        <Choice
          value={who}
          onChange={setWho}
          aria-label="Koppelen aan deelnemer"
          empty="Anoniem"
          options={present.map((p) => ({ value: p.participantId, label: p.name }))}
        />
      ) : null}
      <button type="submit">Toevoegen</button>
    </form>
  );
}

function Counts({ options, view, add }: { options: string[]; view: RunView | null; add: Add }) {
  const counts = new Map(
    view?.results && (view.results.type === 'peiling' || view.results.type === 'stelling')
      ? view.results.tallies.map((t) => [t.option, t.count])
      : [],
  );
  return (
    <div className="wf-counts">
      {options.map((option) => (
        <CountInput key={option} option={option} value={counts.get(option) ?? 0} add={add} />
      ))}
    </div>
  );
}

function CountInput({ option, value, add }: { option: string; value: number; add: Add }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async (n: number) => {
    setDraft(null);
    await add({ kind: 'count', option, count: n });
  };
  return (
    <label className="wf-count">
      <span>{option}</span>
      <span className="row">
        <button type="button" aria-label={`${option} min één`} onClick={() => { setDraft(null); void add({ kind: 'count', option, delta: -1 }); }}>
          −
        </button>
        <input
          type="number"
          value={draft ?? String(value)}
          aria-label={`Aantal ${option}`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== null && commit(Number(draft))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) {
              e.preventDefault();
              void commit(Number(draft));
            }
          }}
        />
        <button type="button" aria-label={`${option} plus één`} onClick={() => { setDraft(null); void add({ kind: 'count', option, delta: 1 }); }}>
          +
        </button>
      </span>
    </label>
  );
}

function EntryForm({
  format,
  view,
  present,
  add,
  run,
}: {
  format: WorkFormat;
  view: RunView | null;
  present: { participantId: number; name: string }[];
  add: Add;
  run: Run;
}) {
  const [side, setSide] = useState<'eens' | 'neutraal' | 'oneens' | ''>('');
  const [order, setOrder] = useState(format.options);
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');

  switch (format.type) {
    case 'peiling':
      return <Counts options={format.options} view={view} add={add} />;
    case 'stelling':
      return (
        <>
          <Counts options={['eens', 'neutraal', 'oneens']} view={view} add={add} />
          <TextEntry label="Argument" onSubmit={(text) => add({ kind: 'argument', text, side: side || null })}>
            <select value={side} onChange={(e) => setSide(e.target.value as typeof side)} aria-label="Kant van het argument">
              <option value="">—</option>
              <option value="eens">eens</option>
              <option value="neutraal">neutraal</option>
              <option value="oneens">oneens</option>
            </select>
          </TextEntry>
        </>
      );
    case 'brainstorm':
      return <Brainstorm view={view} add={add} run={run} />;
    case 'rondje':
    case 'opdracht':
      return (
        <>
          {format.type === 'opdracht' ? <TimerControls view={view} minutes={format.minutes} run={run} /> : null}
          <TextEntry label="Bijdrage" present={present} onSubmit={(text, p) => add({ kind: 'contribution', text }, p)} />
        </>
      );
    case 'schaalvraag':
      return (
        <div className="wf-scale" role="group" aria-label="Cijfer toevoegen">
          {Array.from({ length: 10 }, (_, i) => (
            <button key={i} type="button" onClick={() => add({ kind: 'rating', value: i + 1 })}>
              {i + 1}
            </button>
          ))}
        </div>
      );
    case 'rangorde':
      return (
        <div className="wf-rank">
          <ol>
            {order.map((o, i) => (
              <li key={o}>
                {o}
                <span className="icon-buttons">
                  <button type="button" aria-label={`${o} hoger`} disabled={i === 0} onClick={() => setOrder(swap(order, i, i - 1))}>
                    ↑
                  </button>
                  <button type="button" aria-label={`${o} lager`} disabled={i === order.length - 1} onClick={() => setOrder(swap(order, i, i + 1))}>
                    ↓
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => add({ kind: 'rank', order })}>
            Deze volgorde toevoegen
          </button>
        </div>
      );
    case 'actieplan':
      return (
        <form
          className="wf-entry wf-action"
          onSubmit={async (e) => {
            e.preventDefault();
            const entry = { kind: 'action' as const, what, who: who || null, due: due || null };
            setWhat('');
            setWho('');
            setDue('');
            if ((await add(entry)) === undefined) {
              // Put the action back so nothing typed is lost.
              setWhat(entry.what);
              setWho(entry.who ?? '');
              setDue(entry.due ?? '');
            }
          }}
        >
          <input value={what} onChange={(e) => setWhat(e.target.value)} aria-label="Wat" placeholder="Wat" />
          <input value={who} onChange={(e) => setWho(e.target.value)} aria-label="Wie" placeholder="Wie (rol of naam)" />
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} aria-label="Wanneer" />
          <button type="submit">Actie toevoegen</button>
        </form>
      );
    case 'check-in':
    case 'check-out':
      return format.answerKind === 'score' ? (
        <div className="wf-scale" role="group" aria-label="Score toevoegen">
          {Array.from({ length: 10 }, (_, i) => (
            <button key={i} type="button" onClick={() => add({ kind: 'score', value: i + 1 })}>
              {i + 1}
            </button>
          ))}
        </div>
      ) : (
        <TextEntry label="Woord" present={present} onSubmit={(text, p) => add({ kind: 'word', text }, p)} />
      );
  }
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}

function TimerControls({ view, minutes, run }: { view: RunView | null; minutes: number; run: Run }) {
  const timer = view?.timer;
  const cmd = (command: TimerCommand) =>
    run((r) => api('runs:timer', { runId: r.run.id, command }));
  return (
    <div className="wf-timer">
      {timer ? <TimerView timer={timer} alarm /> : <span className="timer">{minutes}:00</span>}
      {!timer || timer.status === 'niet_gestart' || timer.status === 'afgelopen' ? (
        <button type="button" onClick={() => cmd({ type: 'start' })}>
          Timer starten ({minutes} min)
        </button>
      ) : timer.status === 'loopt' ? (
        <button type="button" onClick={() => cmd({ type: 'pause' })}>
          Timer pauzeren
        </button>
      ) : (
        <button type="button" onClick={() => cmd({ type: 'resume' })}>
          Timer hervatten
        </button>
      )}
      <button type="button" disabled={!timer} onClick={() => cmd({ type: 'extend', minutes: 1 })}>
        +1 min
      </button>
      <button type="button" disabled={!timer} onClick={() => cmd({ type: 'reset' })}>
        Opnieuw
      </button>
    </div>
  );
}

function Brainstorm({ view, add, run }: { view: RunView | null; add: Add; run: Run }) {
  const [cluster, setCluster] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const results = view?.results?.type === 'brainstorm' ? view.results : null;
  const move = (cardId: number, clusterId: number | null) =>
    run(async (r) => {
      const card = r.entries.find((e) => e.id === cardId);
      if (!card) return undefined;
      return api('entries:update', { entryId: cardId, entry: { kind: 'card', text: String(card.payload.text ?? ''), clusterId }, participantId: null });
    });
  return (
    <div className="wf-brainstorm">
      <TextEntry label="Kaart" onSubmit={(text) => add({ kind: 'card', text })} />
      <form
        className="wf-entry"
        onSubmit={async (e) => {
          e.preventDefault();
          const name = cluster;
          setCluster('');
          if ((await add({ kind: 'cluster', name })) === undefined) setCluster((c) => (c === '' ? name : c));
        }}
      >
        <input value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Nieuwe cluster" placeholder="Nieuwe cluster – Enter" />
        <button type="submit">Cluster maken</button>
      </form>
      {results ? (
        <div className="wf-board">
          {[{ entryId: null as number | null, name: 'Nog niet geclusterd' }, ...results.clusters].map((cl) => (
            <div
              key={cl.entryId ?? 'los'}
              className="wf-column"
              aria-label={`Cluster ${cl.name}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => dragged !== null && void move(dragged, cl.entryId)}
            >
              <h3>{cl.name}</h3>
              <ul>
                {results.cards
                  .filter((c) => c.clusterId === cl.entryId)
                  .map((c) => (
                    <li key={c.entryId} draggable onDragStart={() => setDragged(c.entryId)} className="wf-card">
                      <span>{c.text}</span>
                      <span className="row">
                        <select
                          value={c.clusterId ?? ''}
                          aria-label={`Cluster voor ${c.text}`}
                          onChange={(e) => void move(c.entryId, e.target.value ? Number(e.target.value) : null)}
                        >
                          <option value="">—</option>
                          {results.clusters.map((x) => (
                            <option key={x.entryId} value={x.entryId}>
                              {x.name}
                            </option>
                          ))}
                        </select>
                        <button type="button" aria-label={`Stip voor ${c.text}`} onClick={() => add({ kind: 'vote', cardId: c.entryId, dots: 1 })}>
                          ● {c.dots}
                        </button>
                      </span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </div>
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
  const needsOptions = type === 'peiling' || type === 'rangorde';
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
