import { useState } from 'react';
import { api } from '../api/client';
import { go } from '../navigation';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage, Panel } from '../ui/parts';
import { longDate, todayIso } from '../ui/format';
import { RetentionPanel } from '../trajectories/RetentionPanel';
import { BackupsPanel } from './BackupsPanel';

export function StartScreen() {
  const info = useChannel('app:info', undefined, ['organisations']);
  const sessions = useChannel('sessions:list', { from: todayIso(), limit: 5 }, ['sessions']);
  const library = useChannel('modules:list', undefined, ['modules']);
  const action = useAction();

  const loadDemo = async () => {
    const result = await action.run(() => api('demo:load'));
    if (result) info.reload();
  };
  const dismiss = async () => {
    await action.run(() => api('app:dismissDemo'));
    info.reload();
  };
  const upcoming = (sessions.data ?? []).filter((s) => s.status !== 'afgerond');
  // After a restore main pushes data:changed for every area; the start screen's own facts reload here.
  const [restoredNotice, setRestoredNotice] = useState<string | null>(null);
  const restored = (message: string) => {
    setRestoredNotice(message);
    info.reload();
  };
  const notice = restoredNotice ? (
    <p className="notice" role="status">
      {restoredNotice}
    </p>
  ) : null;

  if (info.data?.databaseError) {
    // The database could not be opened (damaged, another program's, newer): say why and offer a restore here.
    return (
      <div className="stack">
        <h1>De database kan niet worden geopend</h1>
        {notice}
        <p className="error" role="alert">
          {info.data.databaseError}
        </p>
        <BackupsPanel onRestored={restored} canCreate={false} />
        <Panel title="Waar staan je gegevens?">
          <dl className="facts">
            <dt>Database</dt>
            <dd>
              <code>{info.data.databaseFile}</code>
            </dd>
          </dl>
        </Panel>
      </div>
    );
  }

  return (
    <div className="stack">
      <h1>Welkom bij Sessiewijzer</h1>
      <p className="lead">
        Plan, presenteer en verslag modules van Welbevinden op School, helemaal zonder internet.
      </p>
      {notice}
      <ErrorMessage message={info.error ?? action.error} />
      {info.data?.offerDemo ? (
        <Panel title="Eerste keer?">
          <p>
            Laad voorbeeldgegevens om te zien hoe Sessiewijzer werkt: een verzonnen stichting met drie scholen, een
            kernteam en een paar sessies. Je kunt ze later gewoon verwijderen.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={loadDemo} disabled={action.busy}>
              Voorbeeldgegevens laden
            </button>
            <button type="button" onClick={dismiss} disabled={action.busy}>
              Nee, ik begin leeg
            </button>
          </div>
        </Panel>
      ) : null}
      <div className="grid-2">
        <Panel title="Komende sessies" actions={<a href="#/sessies">Alle sessies</a>}>
          {upcoming.length === 0 ? (
            <p className="empty">Nog geen sessies gepland.</p>
          ) : (
            <ul className="list">
              {upcoming.map((s) => (
                <li key={s.id}>
                  <a href={`#/sessies/${s.id}`}>
                    <strong>{s.moduleTitle}</strong> · {s.groupName} · {longDate(s.date)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Modules" actions={<a href="#/modules">Bekijken</a>}>
          <p>
            {library.data?.modules.length ?? 0} modules beschikbaar
            {library.data && library.data.errors.length > 0 ? `, ${library.data.errors.length} problemen gevonden` : ''}.
          </p>
          <button type="button" onClick={() => go('sessies')}>
            Sessie plannen
          </button>
        </Panel>
      </div>
      <BackupsPanel onRestored={restored} />
      <RetentionPanel />
      {info.data ? (
        <Panel title="Waar staan je gegevens?">
          <dl className="facts">
            <dt>Database</dt>
            <dd>
              <code>{info.data.databaseFile}</code>
            </dd>
            <dt>Eigen modules</dt>
            <dd>
              <code>{info.data.userModulesDir}</code>
            </dd>
            <dt>Versie</dt>
            <dd>{info.data.version}</dd>
          </dl>
        </Panel>
      ) : null}
    </div>
  );
}
