// The app shell: a Dutch navigation bar and hash-based routes, so a reload
// (or a second window) opens the same screen.

import { useEffect, useState } from 'react';
import { StartScreen } from './screens/StartScreen';
import { ModulesScreen } from './screens/ModulesScreen';
import { GroupsScreen } from './screens/GroupsScreen';
import { SessionsScreen } from './screens/SessionsScreen';
import { PresentScreen } from './screens/PresentScreen';
import { FullPreviewScreen } from './screens/FullPreviewScreen';
import { AudienceScreen } from './screens/AudienceScreen';
import { TrajectoriesScreen } from './screens/TrajectoriesScreen';

export type Route =
  | { screen: 'start' }
  | { screen: 'modules'; moduleId?: string }
  | { screen: 'groepen' }
  | { screen: 'sessies'; sessionId?: number }
  | { screen: 'trajecten'; trajectoryId?: number }
  | { screen: 'presenteren'; sessionId: number }
  | { screen: 'voorbeeld'; moduleId: string }
  | { screen: 'publiek'; sessionId: number };

export function parseRoute(hash: string): Route {
  const [screen, arg] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'modules':
      return arg ? { screen: 'modules', moduleId: decodeURIComponent(arg) } : { screen: 'modules' };
    case 'groepen':
      return { screen: 'groepen' };
    case 'sessies':
      return arg && /^\d+$/.test(arg) ? { screen: 'sessies', sessionId: Number(arg) } : { screen: 'sessies' };
    case 'trajecten':
      return arg && /^\d+$/.test(arg) ? { screen: 'trajecten', trajectoryId: Number(arg) } : { screen: 'trajecten' };
    case 'publiek':
      return arg && /^\d+$/.test(arg) ? { screen: 'publiek', sessionId: Number(arg) } : { screen: 'start' };
    case 'voorbeeld':
      return arg ? { screen: 'voorbeeld', moduleId: decodeURIComponent(arg) } : { screen: 'modules' };
    case 'presenteren':
      return arg && /^\d+$/.test(arg) ? { screen: 'presenteren', sessionId: Number(arg) } : { screen: 'sessies' };
    default:
      return { screen: 'start' };
  }
}

export function go(path: string): void {
  window.location.hash = `#/${path}`;
}

const NAV: { path: string; label: string; screen: Route['screen'] }[] = [
  { path: '', label: 'Start', screen: 'start' },
  { path: 'modules', label: 'Modules', screen: 'modules' },
  { path: 'groepen', label: 'Groepen', screen: 'groepen' },
  { path: 'sessies', label: 'Sessies', screen: 'sessies' },
  { path: 'trajecten', label: 'Trajecten', screen: 'trajecten' },
];

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (route.screen === 'presenteren') return <PresentScreen sessionId={route.sessionId} />;
  if (route.screen === 'publiek') return <AudienceScreen sessionId={route.sessionId} />;
  if (route.screen === 'voorbeeld') return <FullPreviewScreen moduleId={route.moduleId} />;

  return (
    <div className="app">
      <nav className="nav" aria-label="Hoofdmenu">
        <span className="brand">Sessiewijzer</span>
        {NAV.map((item) => (
          <a
            key={item.screen}
            href={`#/${item.path}`}
            className={route.screen === item.screen ? 'nav-link active' : 'nav-link'}
            aria-current={route.screen === item.screen ? 'page' : undefined}
          >
            {item.label}
          </a>
        ))}
      </nav>
      <main className="content">
        {route.screen === 'start' && <StartScreen />}
        {route.screen === 'modules' && <ModulesScreen moduleId={route.moduleId} />}
        {route.screen === 'groepen' && <GroupsScreen />}
        {route.screen === 'sessies' && <SessionsScreen sessionId={route.sessionId} />}
        {route.screen === 'trajecten' && <TrajectoriesScreen trajectoryId={route.trajectoryId} />}
      </main>
    </div>
  );
}
