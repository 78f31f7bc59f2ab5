// Tailoring a session's agenda before it starts: minutes per block, order,
// skipped blocks and slides, added breaks and free blocks. The total is
// checked against the 60–90 minute budget as you type; main validates and
// stores the agenda with the session.

import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { checkBudget, type AgendaItem } from '../../../shared/presenting/agenda';
import { BLOCK_KIND_LABELS } from '../../../shared/module-format';

export function AgendaEditor({ sessionId }: { sessionId: number }) {
  const view = useChannel('agenda:get', { sessionId }, ['sessions']);
  const [items, setItems] = useState<AgendaItem[]>([]);
  const [dirty, setDirty] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (view.data && !dirty) setItems(view.data.agenda.items);
  }, [view.data, dirty]);

  if (view.error) return <ErrorMessage message={view.error} />;
  if (!view.data) return null;
  const module = view.data.module;
  const slidesOf = (blockId: string | null) => module.blocks.find((b) => b.id === blockId)?.slides ?? [];
  const budget = checkBudget({ items });
  const editable = view.data.editable;

  const update = (next: AgendaItem[]) => {
    setItems(next);
    setDirty(true);
  };
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(Math.min(Math.max(i + by, 0), next.length), 0, item!);
    update(next);
  };
  const setMinutes = (i: number, minutes: number) => update(items.map((it, j) => (j === i ? { ...it, minutes } : it)));
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
  const save = async () => {
    const saved = await action.run(() => api('agenda:set', { sessionId, items }));
    if (saved) {
      setDirty(false);
      view.reload();
    }
  };
  const reset = async () => {
    const fresh = await action.run(() => api('agenda:reset', { sessionId }));
    if (fresh) {
      setDirty(false);
      setItems(fresh.agenda.items);
      view.reload();
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
                    onChange={(e) => setMinutes(i, Math.max(0, Math.round(Number(e.target.value))))}
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
            <button type="button" className="primary" onClick={save} disabled={!dirty || action.busy}>
              Agenda opslaan
            </button>
            <button type="button" onClick={reset} disabled={action.busy}>
              Terug naar de module
            </button>
            {dirty ? <span className="muted">Niet opgeslagen wijzigingen</span> : null}
          </div>
        ) : null}
        <ErrorMessage message={action.error} />
      </div>
    </Panel>
  );
}
