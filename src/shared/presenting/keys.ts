// Presenter keys as people know them from PowerPoint and Keynote. Pure, so
// the mapping is unit-tested; the view turns the result into commands.

import type { PresentingCommand, ScreenMode } from '../channels/presenting';
import type { PresentStatus } from './clock';

export type KeyAction =
  | { kind: 'command'; command: PresentingCommand }
  | { kind: 'digit'; digit: string }
  | { kind: 'jump' }
  | { kind: 'toggleView' }
  | { kind: 'overview' }
  /** Esc: close whatever is open (overview, form, dialog); never anything irreversible. */
  | { kind: 'escape' }
  | { kind: 'none' };

export function keyAction(key: string, status: PresentStatus, screen: ScreenMode, typedNumber: string): KeyAction {
  const running = status === 'bezig' || status === 'gepauzeerd';
  if (key === 'F5') {
    if (status === 'niet_gestart') return { kind: 'command', command: { type: 'start' } };
    if (status === 'afgelopen') return { kind: 'command', command: { type: 'reopen' } };
    return { kind: 'none' };
  }
  if (key === 's' || key === 'S') return { kind: 'toggleView' };
  // Esc never ends the session: ending is the explicit "Sessie afronden" with a confirmation.
  if (key === 'Escape') return { kind: 'escape' };
  if ((key === 'g' || key === 'G') && status !== 'niet_gestart') return { kind: 'overview' };
  if (!running) return { kind: 'none' };
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digit: key };
  if (key === 'Enter' && typedNumber !== '') return { kind: 'jump' };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return { kind: 'command', command: { type: 'next' } };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return { kind: 'command', command: { type: 'prev' } };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'command', command: { type: 'screen', mode: screen === 'zwart' ? 'normaal' : 'zwart' } };
    case 'w':
    case 'W':
    case ',':
      return { kind: 'command', command: { type: 'screen', mode: screen === 'wit' ? 'normaal' : 'wit' } };
    case 'p':
    case 'P':
      return { kind: 'command', command: { type: status === 'gepauzeerd' ? 'resume' : 'pause' } };
    default:
      return { kind: 'none' };
  }
}
