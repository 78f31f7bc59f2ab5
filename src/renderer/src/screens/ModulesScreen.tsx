import { useState } from 'react';
import { api } from '../api/client';
import { Deck } from '../deck/Deck';
import { useAction, useChannel } from '../ui/hooks';
import { Empty, ErrorMessage, Panel } from '../ui/parts';
import { BLOCK_KIND_LABELS, WORK_FORMAT_LABELS } from '../../../shared/module-format';

export function ModulesScreen({ moduleId }: { moduleId?: string }) {
  return moduleId ? <ModulePreview moduleId={moduleId} /> : <ModuleList />;
}

function ModuleList() {
  const library = useChannel('modules:list', undefined, ['modules']);
  const action = useAction();
  const reload = () => action.run(() => api('modules:reload')).then(() => library.reload());
  const errorsByFile = new Map<string, { line: number; message: string }[]>();
  for (const e of library.data?.errors ?? []) {
    errorsByFile.set(e.file, [...(errorsByFile.get(e.file) ?? []), e]);
  }
  return (
    <div className="stack">
      <div className="row spread">
        <h1>Modules</h1>
        <button type="button" onClick={reload} disabled={action.busy}>
          Opnieuw laden
        </button>
      </div>
      <ErrorMessage message={library.error ?? action.error} />
      {errorsByFile.size > 0 ? (
        <Panel title="Modules met fouten (niet geladen)">
          {[...errorsByFile].map(([file, problems]) => (
            <div key={file} className="problem-file">
              <p>
                <code>{file}</code>
              </p>
              <ul className="problems">
                {problems.map((p, i) => (
                  <li key={i}>
                    regel {p.line}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Panel>
      ) : null}
      {library.data && library.data.modules.length === 0 ? <Empty>Geen modules gevonden.</Empty> : null}
      <table className="table">
        <thead>
          <tr>
            <th>Module</th>
            <th>Sectoren</th>
            <th>Minuten</th>
            <th>Dia's</th>
            <th>Werkvormen</th>
            <th>Herkomst</th>
          </tr>
        </thead>
        <tbody>
          {(library.data?.modules ?? []).map((m) => (
            <tr key={m.id}>
              <td>
                <a href={`#/modules/${encodeURIComponent(m.id)}`}>{m.title}</a>
                <div className="muted">versie {m.version}</div>
              </td>
              <td>{m.sectors.join(', ')}</td>
              <td>{m.minutes}</td>
              <td>{m.slides}</td>
              <td>{m.workFormats}</td>
              <td>{m.origin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ModulePreview({ moduleId }: { moduleId: string }) {
  const mod = useChannel('modules:get', { id: moduleId }, ['modules']);
  const [index, setIndex] = useState(0);
  if (mod.error) {
    return (
      <div className="stack">
        <a href="#/modules">← Alle modules</a>
        <ErrorMessage message={mod.error} />
      </div>
    );
  }
  if (!mod.data) return <p>Laden…</p>;
  const module = mod.data;
  const slides = module.blocks.flatMap((b) => b.slides);
  const current = slides[index];
  return (
    <div className="stack">
      <a href="#/modules">← Alle modules</a>
      <div className="row spread">
        <h1>{module.meta.title}</h1>
        <a className="button-link" href={`#/voorbeeld/${encodeURIComponent(module.meta.id)}`}>
          Volledig scherm
        </a>
      </div>
      <p className="muted">
        Versie {module.meta.version} · {module.meta.minutes} minuten · {module.meta.sectors.join(', ')}
        {module.meta.audience ? ` · ${module.meta.audience}` : ''}
      </p>
      <div className="preview">
        <Deck module={module} onIndexChange={setIndex} label="Voorbeeld van de dia's" />
        <aside className="notes" aria-label="Sprekersnotities">
          <h2>Notities{current ? `: ${current.title}` : ''}</h2>
          {current ? <div dangerouslySetInnerHTML={{ __html: current.notesHtml }} /> : null}
          <p className="muted">Klik op de dia en gebruik de pijltjestoetsen om te bladeren.</p>
        </aside>
      </div>
      <Panel title="Opbouw">
        <ol className="outline">
          {module.blocks.map((b) => (
            <li key={b.id}>
              <strong>{b.title}</strong> — {BLOCK_KIND_LABELS[b.kind]}, {b.minutes} min
              <ul>
                {b.slides.map((s) => (
                  <li key={s.id}>
                    {s.title}
                    {s.workFormat ? ` · ${WORK_FORMAT_LABELS[s.workFormat.type]}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Panel>
      {module.meta.sources.length > 0 ? (
        <Panel title="Bronnen">
          <ul>
            {module.meta.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Panel>
      ) : null}
    </div>
  );
}
