// Tailoring a session's agenda before it starts: minutes per block, order,
// skipped blocks and slides, added breaks and free blocks. The total is
// checked against the 60–90 minute budget as you type; main validates and
// stores the agenda with the session.
//
// Every change is stored the moment it is made, like everything else in the
// app (issue 11): there is no save button to forget before Presenteren.
// Saves run one after another, so an older answer never overwrites a newer
// change; "Ongedaan maken" steps back through this visit's changes and
// stores that too. Typing in one minutes field counts as one step.

import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { checkBudget, type AgendaItem } from '../../../shared/presenting/agenda';
import { BLOCK_KIND_LABELS } from '../../../shared/module-format';

export function AgendaEditor({ sessionId }: { sessionId: number }) {
  const view = useChannel('agenda:get', { sessionId }, ['sessions']);
  const [items, setItems] = useState<AgendaItem[]>([]);
  const [history, setHistory] = useState<AgendaItem[][]>([]);
  const [saving, setSaving] = useState<'opgeslagen' | 'bezig' | 'fout'>('opgeslagen');
  const [localError, setLocalError] = useState<string | null>(null);
  const action = useAction();
  const loaded = useRef(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastStep = useRef<string | null>(null);
  const pending = useRef(0);
  useEffect(() => {
    // Take main's agenda once; after that the editor's own state leads (main has every change already).
    if (view.data && !loaded.current) {
      loaded.current = true;
      setItems(view.data.agenda.items);
    }
  }, [view.data]);

  if (view.error) return <ErrorMessage message={view.error} />;
  if (!view.data) return null;
  const module = view.data.module;
  const slidesOf = (blockId: string | null) => module.blocks.find((b) => b.id === blockId)?.slides ?? [];
  const budget = checkBudget({ items });
  const editable = view.data.editable;

  const store = (next: AgendaItem[]) => {
    if (next.some((it) => !(it.minutes >= 1))) {
      // Not stored until it is valid; the field keeps what was typed.
      setLocalError('Een agendapunt duurt minstens 1 minuut.');
      setSaving('fout');
      return;
    }
    setLocalError(null);
    setSaving('bezig');
    pending.current++;
    queue.current = queue.current.then(async () => {
      const saved = await action.run(() => api('agenda:set', { sessionId, items: next }));
      pending.current--;
      if (!saved) setSaving('fout');
      else if (pending.current === 0) setSaving('opgeslagen');
    });
  };
  /** One change: remembered for undo (a run of typing in one field is one step), then stored. */
  const update = (next: AgendaItem[], step: string | null = null) => {
    if (step === null || step !== lastStep.current) setHistory((h) => [...h.slice(-49), items]);
    lastStep.current = step;
    setItems(next);
    store(next);
  };
  const undo = () => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    lastStep.current = null;
    setItems(previous);
    store(previous);
  };
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(Math.min(Math.max(i + by, 0), next.length), 0, item!);
    update(next);
  };
  const setMinutes = (i: number, minutes: number) =>
    update(
      items.map((it, j) => (j === i ? { ...it, minutes } : it)),
      `minutes-${items[i]!.key}`,
    );
  const toggleSlide = (i: number, slideId: string) =>
    update(
      items.map((it, j) => {
        if (j !== i) return it;
        const order = slidesOf(it.blockId).map((s) => s.id);
        const has = it.slideIds.includes(slideId);
        const ids = has ? it.slideIds.filter((s) => s !== slideId) : [...it.slideIds, slideId];
        return { ...it, slideIds: order.filter((id) => ids.includes(id)) };
      }),
    );
  const add = (kind: 'pauze' | 'vrij') => {
    let n = 1;
    while (items.some((it) => it.key === `${kind}-${n}`)) n++;
    const key = `${kind}-${n}`;
    update([...items, { key, kind, title: kind === 'pauze' ? 'Pauze' : 'Vrij blok', minutes: kind === 'pauze' ? 10 : 15, slideIds: [key], blockId: null }]);
  };
  const reset = async () => {
    const before = items;
    const fresh = await action.run(() => api('agenda:reset', { sessionId }));
    if (fresh) {
      setHistory((h) => [...h.slice(-49), before]);
      lastStep.current = null;
      setItems(fresh.agenda.items);
      setSaving('opgeslagen');
    }
  };

  return (
    <Panel title="Agenda">
      <div className="agenda-editor stack">
        <p className={budget.within ? 'budget-ok' : 'budget-warning'} role="status" aria-live="polite">
          Totaal {budget.total} minuten{budget.warning ? ` – ${budget.warning}` : ' (binnen 60–90 minuten)'}
        </p>
        {!editable ? <p className="muted">De sessie is gestart; de agenda ligt vast.</p> : null}
        <table className="table">
          <thead>
            <tr>
              <th>Onderdeel</th>
              <th>Minuten</th>
              <th>Dia's</th>
              <th>Volgorde</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={item.key}>
                <td>
                  <strong>{item.title}</strong>
                  <div className="muted">{BLOCK_KIND_LABELS[item.kind]}</div>
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={180}
                    value={item.minutes}
                    disabled={!editable}
                    aria-label={`Minuten voor ${item.title}`}
                    onChange={(e) => setMinutes(i, e.target.value === '' ? 0 : Math.max(0, Math.round(Number(e.target.value))))}
                  />
                </td>
                <td>
                  {item.blockId ? (
                    <ul className="agenda-slides">
                      {slidesOf(item.blockId).map((s) => (
                        <li key={s.id} className={item.slideIds.includes(s.id) ? undefined : 'skipped'}>
                          <label className="inline-check">
                            <input
                              type="checkbox"
                              checked={item.slideIds.includes(s.id)}
                              disabled={!editable}
                              onChange={() => toggleSlide(i, s.id)}
                              aria-label={`Dia ${s.title} tonen`}
                            />
                            {s.title}
                          </label>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">eigen dia</span>
                  )}
                </td>
                <td>
                  <span className="icon-buttons">
                    <button type="button" disabled={!editable || i === 0} onClick={() => move(i, -1)} aria-label={`${item.title} omhoog`}>
                      ↑
                    </button>
                    <button type="button" disabled={!editable || i === items.length - 1} onClick={() => move(i, 1)} aria-label={`${item.title} omlaag`}>
                      ↓
                    </button>
                    <button type="button" disabled={!editable} onClick={() => update(items.filter((_, j) => j !== i))} aria-label={`${item.title} overslaan`}>
                      Overslaan
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable ? (
          <div className="row">
            <button type="button" onClick={() => add('pauze')}>
              Pauze toevoegen
            </button>
            <button type="button" onClick={() => add('vrij')}>
              Vrij blok toevoegen
            </button>
            <button type="button" onClick={undo} disabled={history.length === 0}>
              Laatste wijziging ongedaan maken
            </button>
            <button type="button" onClick={reset} disabled={action.busy}>
              Terug naar de module
            </button>
            <span className="muted" role="status" aria-live="polite">
              {saving === 'bezig' ? 'Opslaan…' : saving === 'opgeslagen' ? 'Alle wijzigingen opgeslagen' : 'Niet opgeslagen: zie de melding'}
            </span>
          </div>
        ) : null}
        <ErrorMessage message={localError ?? action.error} />
      </div>
    </Panel>
  );
}
