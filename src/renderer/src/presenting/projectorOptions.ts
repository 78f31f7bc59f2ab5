// View options the presenter sets for the room's screen (block countdown on
// or off, which page of a long result, the phones' join code large). They
// are view state, not session data, so they live in localStorage, which the
// presenter and audience windows share (same origin); the 'storage' event
// tells the other window.

import { useCallback, useEffect, useState } from 'react';

export interface ProjectorOptions {
  /** Show the block countdown in a corner of the audience screen. */
  blockClock: boolean;
  /** Page of an overflowing result on the audience screen (0-based; the audience clamps it). */
  resultPage: number;
  /** How many pages the audience needed for the result on screen (written by the audience). */
  resultPages: number;
  /** A "join" moment: the QR code and address for phones large on the room's screen (issue 16). */
  phoneJoin: boolean;
}

const DEFAULTS: ProjectorOptions = { blockClock: false, resultPage: 0, resultPages: 1, phoneJoin: false };
const keyOf = (sessionId: number) => `sessiewijzer.projector.${sessionId}`;

function read(sessionId: number): ProjectorOptions {
  try {
    return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(keyOf(sessionId)) ?? '{}') as Partial<ProjectorOptions>) };
  } catch {
    return DEFAULTS;
  }
}

export function useProjectorOptions(sessionId: number): [ProjectorOptions, (change: Partial<ProjectorOptions>) => void] {
  const [options, setOptions] = useState(() => read(sessionId));
  useEffect(() => {
    setOptions(read(sessionId));
    const onStorage = (e: StorageEvent) => {
      if (e.key === keyOf(sessionId)) setOptions(read(sessionId));
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [sessionId]);
  const update = useCallback(
    (change: Partial<ProjectorOptions>) => {
      const next = { ...read(sessionId), ...change };
      localStorage.setItem(keyOf(sessionId), JSON.stringify(next));
      setOptions(next);
    },
    [sessionId],
  );
  return [options, update];
}
