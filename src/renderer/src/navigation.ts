// Navigation: hash routes, a typed route builder and `go`. Its own module so
// screens can navigate without importing App.tsx (which imports the screens:
// an import cycle). Hash routes, so a reload or a second window opens the
// same screen.

import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'start' }
  | { screen: 'modules'; moduleId?: string }
  | { screen: 'groepen' }
  | { screen: 'sessies'; sessionId?: number }
  | { screen: 'trajecten'; trajectoryId?: number }
  | { screen: 'presenteren'; sessionId: number }
  | { screen: 'voorbeeld'; moduleId: string }
  | { screen: 'publiek'; sessionId: number };

/** Every path the app knows (without the leading `#/`); a typo is a type error. */
export type AppPath =
  | ''
  | 'modules'
  | `modules/${string}`
  | 'groepen'
  | 'sessies'
  | `sessies/${number}`
  | 'trajecten'
  | `trajecten/${number}`
  | `presenteren/${number}`
  | `voorbeeld/${string}`
  | `publiek/${number}`;

/** The route builder: one function per screen, returning its path. */
export const paths = {
  start: (): AppPath => '',
  modules: (): AppPath => 'modules',
  module: (moduleId: string): AppPath => `modules/${encodeURIComponent(moduleId)}`,
  preview: (moduleId: string): AppPath => `voorbeeld/${encodeURIComponent(moduleId)}`,
  groups: (): AppPath => 'groepen',
  sessions: (): AppPath => 'sessies',
  session: (sessionId: number): AppPath => `sessies/${sessionId}`,
  present: (sessionId: number): AppPath => `presenteren/${sessionId}`,
  audience: (sessionId: number): AppPath => `publiek/${sessionId}`,
  trajectories: (): AppPath => 'trajecten',
  trajectory: (trajectoryId: number): AppPath => `trajecten/${trajectoryId}`,
};

/** For `<a href={href(paths.session(3))}>`. */
export function href(path: AppPath): string {
  return `#/${path}`;
}

export function go(path: AppPath): void {
  window.location.hash = href(path);
}

export function parseRoute(hash: string): Route {
  const [screen, arg] = hash.replace(/^#\/?/, '').split('/');
  const num = arg && /^\d+$/.test(arg) ? Number(arg) : undefined;
  switch (screen) {
    case 'modules':
      return arg ? { screen: 'modules', moduleId: decodeURIComponent(arg) } : { screen: 'modules' };
    case 'groepen':
      return { screen: 'groepen' };
    case 'sessies':
      return num !== undefined ? { screen: 'sessies', sessionId: num } : { screen: 'sessies' };
    case 'trajecten':
      return num !== undefined ? { screen: 'trajecten', trajectoryId: num } : { screen: 'trajecten' };
    case 'publiek':
      return num !== undefined ? { screen: 'publiek', sessionId: num } : { screen: 'start' };
    case 'voorbeeld':
      return arg ? { screen: 'voorbeeld', moduleId: decodeURIComponent(arg) } : { screen: 'modules' };
    case 'presenteren':
      return num !== undefined ? { screen: 'presenteren', sessionId: num } : { screen: 'sessies' };
    default:
      return { screen: 'start' };
  }
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    // The hash may have changed between the first render and this subscription (a link
    // opened while the app was still starting); read it once more so that change is not lost.
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** The screen's name for the window title (a detail screen adds its heading). */
export const SCREEN_TITLES: Record<Route['screen'], string> = {
  start: 'Start',
  modules: 'Modules',
  groepen: 'Groepen',
  sessies: 'Sessies',
  trajecten: 'Trajecten',
  presenteren: 'Presenteren',
  voorbeeld: 'Voorbeeld',
  publiek: 'Publieksvenster',
};

export function isDetail(route: Route): boolean {
  return (
    (route.screen === 'modules' && route.moduleId !== undefined) ||
    (route.screen === 'sessies' && route.sessionId !== undefined) ||
    (route.screen === 'trajecten' && route.trajectoryId !== undefined)
  );
}

/** A stable string per route, to notice a screen change. */
export function routeKey(route: Route): string {
  return JSON.stringify(route);
}
