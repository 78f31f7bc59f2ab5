// Places per season: "vol = vol". Trajectories beyond it go on the waiting list.

import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction, useChannel } from '../ui/hooks';
import { Choice, ErrorMessage, Field, Panel } from '../ui/parts';
import { seasonOf, seasonChoices } from './season';

export function CapacityPanel() {
  const [season, setSeason] = useState(seasonOf());
  const capacity = useChannel('capacity:get', { season }, ['trajectories']);
  const [value, setValue] = useState('');
  // What the user typed wins over a stored value that arrives later.
  const [dirty, setDirty] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (capacity.data && !dirty) setValue(capacity.data.capacity === null ? '' : String(capacity.data.capacity));
  }, [capacity.data, dirty]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = value.trim() === '' ? null : Number(value);
    if (await action.run(() => api('capacity:set', { season, capacity: n }))) {
      setDirty(false);
      capacity.reload();
    }
  };
  const c = capacity.data;
  return (
    <Panel title="Capaciteit per seizoen">
      <form onSubmit={submit} className="form form-row">
        <Field label="Seizoen">
          <Choice
            value={season}
            onChange={(v) => {
              setSeason(v);
              setDirty(false);
            }}
            name="capaciteit-seizoen"
            options={seasonChoices()}
          />
        </Field>
        <Field label="Aantal trajecten" hint="Leeg: geen maximum">
          <input
            type="number"
            min={1}
            max={1000}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setDirty(true);
            }}
            name="capaciteit-aantal"
            className="input-narrow"
          />
        </Field>
        <button type="submit" disabled={action.busy}>
          Opslaan
        </button>
      </form>
      <ErrorMessage message={action.error ?? capacity.error} />
      {c ? (
        <div className="capacity" aria-label="Bezetting">
          {c.capacity !== null ? (
            <div className="meter" aria-hidden="true">
              <span style={{ width: `${Math.min(100, c.capacity === 0 ? 100 : (c.used / c.capacity) * 100)}%` }} />
            </div>
          ) : null}
          <p className={c.full ? 'full' : ''}>
            {c.capacity === null
              ? `${c.used} trajecten in ${c.season}; geen maximum ingesteld.`
              : c.full
                ? `Vol = vol: ${c.used} van ${c.capacity} plaatsen bezet.`
                : `${c.used} van ${c.capacity} plaatsen bezet, nog ${c.capacity - c.used} vrij.`}
            {c.waiting > 0 ? ` ${c.waiting} op de wachtlijst.` : ''}
          </p>
        </div>
      ) : null}
    </Panel>
  );
}
