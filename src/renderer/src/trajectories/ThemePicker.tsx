// Choose a trajectory's themes (module ids) from the module library.

import { useChannel } from '../ui/hooks';

export function ThemePicker({
  value,
  onChange,
  legend = 'Thema’s',
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
}) {
  const library = useChannel('modules:list', undefined, ['modules']);
  const modules = library.data?.modules ?? [];
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);
  return (
    <fieldset className="theme-picker">
      <legend className="field-label">{legend}</legend>
      {modules.length === 0 ? <span className="muted">Geen modules gevonden.</span> : null}
      {modules.map((m) => (
        <label key={m.id} className="inline-check">
          <input type="checkbox" checked={value.includes(m.id)} onChange={() => toggle(m.id)} />
          {m.title}
        </label>
      ))}
    </fieldset>
  );
}

/** Module titles for ids, falling back to the id for a module that is gone. */
export function useThemeTitles(): (ids: string[]) => string {
  const library = useChannel('modules:list', undefined, ['modules']);
  const titles = new Map((library.data?.modules ?? []).map((m) => [m.id, m.title]));
  return (ids) => (ids.length === 0 ? '—' : ids.map((id) => titles.get(id) ?? id).join(', '));
}
