// The app shell: a skip link, a Dutch navigation bar and the screen for the
// current hash route (see navigation.ts). On a screen change the window title
// follows and focus moves to the screen's heading, so a screen reader or
// keyboard user lands where the new content starts.

import { useEffect, useRef, type RefObject } from 'react';
import { StartScreen } from './screens/StartScreen';
import { ModulesScreen } from './screens/ModulesScreen';
import { GroupsScreen } from './screens/GroupsScreen';
import { SessionsScreen } from './screens/SessionsScreen';
import { PresentScreen } from './screens/PresentScreen';
import { FullPreviewScreen } from './screens/FullPreviewScreen';
import { AudienceScreen } from './screens/AudienceScreen';
import { TrajectoriesScreen } from './screens/TrajectoriesScreen';
import { href, isDetail, paths, routeKey, SCREEN_TITLES, useRoute, type AppPath, type Route } from './navigation';
import './navigation.css';

const NAV: { path: AppPath; label: string; screen: Route['screen'] }[] = [
  { path: paths.start(), label: 'Start', screen: 'start' },
  { path: paths.modules(), label: 'Modules', screen: 'modules' },
  { path: paths.groups(), label: 'Groepen', screen: 'groepen' },
  { path: paths.sessions(), label: 'Sessies', screen: 'sessies' },
  { path: paths.trajectories(), label: 'Trajecten', screen: 'trajecten' },
];

const APP_NAME = 'Sessiewijzer';

/**
 * Sets document.title per screen and, after a screen change (not at the first
 * load), focuses the screen's h1. A detail screen's heading appears once its
 * data has loaded, so this waits for it with a MutationObserver.
 */
function useScreenHeading(route: Route, main: RefObject<HTMLElement | null>): void {
  // The route last handled: focus moves only on a change (not at the first load, nor when
  // StrictMode runs the effect twice for the same route).
  const handled = useRef<string | null>(null);
  const key = routeKey(route);
  useEffect(() => {
    const moveFocus = handled.current !== null && handled.current !== key;
    handled.current = key;
    const base = SCREEN_TITLES[route.screen];
    document.title = `${base} · ${APP_NAME}`;
    const root = main.current;
    // Presenting and preview screens have no <main>: slide headings are not screen headings.
    if (!root) return undefined;
    const apply = (): boolean => {
      const heading = root.querySelector('h1');
      if (!heading) return false;
      const text = heading.textContent?.trim();
      if (isDetail(route) && text) document.title = `${text} · ${base} · ${APP_NAME}`;
      if (moveFocus) {
        heading.tabIndex = -1;
        heading.focus();
      }
      return true;
    };
    if (apply()) return undefined;
    const observer = new MutationObserver(() => {
      if (apply()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
    // The route's key says everything the effect reads from the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, main]);
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useScreenHeading(route, main);

  if (route.screen === 'presenteren') return <PresentScreen sessionId={route.sessionId} />;
  if (route.screen === 'publiek') return <AudienceScreen sessionId={route.sessionId} />;
  if (route.screen === 'voorbeeld') return <FullPreviewScreen moduleId={route.moduleId} />;

  const skipToContent = (event: React.MouseEvent<HTMLAnchorElement>) => {
    // The hash is the route: a plain #inhoud link would navigate to Start.
    event.preventDefault();
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.focus();
  };

  return (
    <div className="app">
      <a className="skip-link" href="#inhoud" onClick={skipToContent}>
        Naar de inhoud
      </a>
      <nav className="nav" aria-label="Hoofdmenu">
        <span className="brand">Sessiewijzer</span>
        {NAV.map((item) => (
          <a
            key={item.screen}
            href={href(item.path)}
            className={route.screen === item.screen ? 'nav-link active' : 'nav-link'}
            aria-current={route.screen === item.screen ? 'page' : undefined}
          >
            {item.label}
          </a>
        ))}
      </nav>
      <main className="content" id="inhoud" ref={main}>
        {route.screen === 'start' && <StartScreen />}
        {route.screen === 'modules' && <ModulesScreen moduleId={route.moduleId} />}
        {route.screen === 'groepen' && <GroupsScreen />}
        {route.screen === 'sessies' && <SessionsScreen sessionId={route.sessionId} />}
        {route.screen === 'trajecten' && <TrajectoriesScreen trajectoryId={route.trajectoryId} />}
      </main>
    </div>
  );
}
