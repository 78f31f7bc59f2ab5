import { describe, expect, it } from 'vitest';
import { keyAction } from '../../src/shared/presenting/keys';

describe('presenter keys', () => {
  it('starts with F5, reopens an ended session with F5, and never ends with Esc', () => {
    expect(keyAction('F5', 'niet_gestart', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'start' } });
    expect(keyAction('F5', 'bezig', 'normaal', '')).toEqual({ kind: 'none' });
    expect(keyAction('F5', 'afgelopen', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'reopen' } });
    for (const status of ['niet_gestart', 'bezig', 'gepauzeerd', 'afgelopen'] as const) {
      expect(keyAction('Escape', status, 'normaal', '')).toEqual({ kind: 'escape' });
    }
  });

  it('opens the slide overview with G once started', () => {
    expect(keyAction('g', 'bezig', 'normaal', '')).toEqual({ kind: 'overview' });
    expect(keyAction('G', 'afgelopen', 'normaal', '')).toEqual({ kind: 'overview' });
    expect(keyAction('g', 'niet_gestart', 'normaal', '')).toEqual({ kind: 'none' });
  });

  it.each(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'])('%j goes to the next slide', (key) => {
    expect(keyAction(key, 'bezig', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'next' } });
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'])('%j goes to the previous slide', (key) => {
    expect(keyAction(key, 'bezig', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'prev' } });
  });

  it('collects a slide number and jumps on Enter', () => {
    expect(keyAction('1', 'bezig', 'normaal', '')).toEqual({ kind: 'digit', digit: '1' });
    expect(keyAction('Enter', 'bezig', 'normaal', '12')).toEqual({ kind: 'jump' });
  });

  it('blanks the screen black or white and toggles back', () => {
    expect(keyAction('b', 'bezig', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'screen', mode: 'zwart' } });
    expect(keyAction('B', 'bezig', 'zwart', '')).toEqual({ kind: 'command', command: { type: 'screen', mode: 'normaal' } });
    expect(keyAction('w', 'bezig', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'screen', mode: 'wit' } });
  });

  it('pauses and resumes with P, and switches single-screen view with S at any time', () => {
    expect(keyAction('p', 'bezig', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'pause' } });
    expect(keyAction('p', 'gepauzeerd', 'normaal', '')).toEqual({ kind: 'command', command: { type: 'resume' } });
    expect(keyAction('s', 'niet_gestart', 'normaal', '')).toEqual({ kind: 'toggleView' });
  });

  it('ignores navigation before the start and after the end', () => {
    expect(keyAction('ArrowRight', 'niet_gestart', 'normaal', '')).toEqual({ kind: 'none' });
    expect(keyAction('ArrowRight', 'afgelopen', 'normaal', '')).toEqual({ kind: 'none' });
  });
});
