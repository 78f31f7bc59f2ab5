// One module per work-format type (issue 16, step 1): the registry must cover every
// type and every entry kind, and the database's lookup tables must hold exactly the
// registry's types and kinds, so a new type module without its INSERT migration
// (or a migration without its module) fails here instead of at the first entry.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { WORK_FORMAT_TYPES, type WorkFormat } from '../../src/shared/module-format';
import { ENTRY_KINDS } from '../../src/shared/work-formats';
import { PHONE_FORMAT_TYPES } from '../../src/shared/phone';
import { WORK_FORMAT_TYPE_MODULES, kindsOf } from '../../src/main/services/work-formats/types';
import { checkDeclaration, checkEntry, computeResults, KINDS_BY_TYPE } from '../../src/main/services/work-formats';
import { parseModule } from '../../src/main/modules/parse';
import { repoRoot, tempDir } from '../helpers/temp';

const sorted = (list: readonly string[]) => [...list].sort();

describe('the work-format type registry', () => {
  it('has one module per type, registered under its own type', () => {
    expect(sorted(Object.keys(WORK_FORMAT_TYPE_MODULES))).toEqual(sorted(WORK_FORMAT_TYPES));
    for (const type of WORK_FORMAT_TYPES) {
      expect(WORK_FORMAT_TYPE_MODULES[type].type).toBe(type);
      expect(kindsOf(type).length, type).toBeGreaterThan(0);
    }
  });

  it('takes every entry kind somewhere, and only known kinds', () => {
    const taken = new Set(WORK_FORMAT_TYPES.flatMap((t) => kindsOf(t)));
    expect(sorted([...taken])).toEqual(sorted(ENTRY_KINDS));
  });

  it('keeps the kinds per type it had before the modules (a refactor, not a change)', () => {
    expect(KINDS_BY_TYPE).toEqual({
      peiling: ['count', 'vote'],
      stelling: ['count', 'vote', 'argument'],
      brainstorm: ['card', 'cluster', 'vote'],
      rondje: ['contribution'],
      schaalvraag: ['rating'],
      rangorde: ['rank'],
      opdracht: ['contribution'],
      actieplan: ['action'],
      'check-in': ['word', 'score'],
      'check-out': ['word', 'score'],
    });
  });

  it('gives phone input to exactly the types phones may answer, each in its own module', () => {
    const withPhone = WORK_FORMAT_TYPES.filter((type) => (WORK_FORMAT_TYPE_MODULES[type] as { phone?: unknown }).phone !== undefined);
    expect(withPhone.sort()).toEqual([...PHONE_FORMAT_TYPES].sort());
    // A round, a task and an action plan stay spoken.
    expect(WORK_FORMAT_TYPES.filter((t) => !withPhone.includes(t)).sort()).toEqual(['actieplan', 'opdracht', 'rondje']);
  });

  it('refuses a kind the type does not take, in Dutch, before any kind check runs', () => {
    const format = checkDeclaration({ type: 'rondje', prompt: 'Wat neem je mee?' });
    expect(() => checkEntry(format, { kind: 'word', text: 'moe' }, { entries: [], participantId: null, presentCount: 0 })).toThrow(
      'Bij een rondje uitwisseling hoort geen woord.',
    );
  });

  it('folds an empty run into results of its own type for every type', () => {
    for (const type of WORK_FORMAT_TYPES) {
      const options = type === 'peiling' || type === 'rangorde' ? ['Prestatiedruk', 'Pesten'] : undefined;
      const format: WorkFormat = checkDeclaration({ type, prompt: 'Vraag?', ...(options ? { options } : {}) });
      expect(computeResults(format, []).type).toBe(type);
    }
  });
});

describe('the lookup tables match the registry', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('holds exactly the registry types in work_format_types and its kinds in entry_kinds', () => {
    const db = openDatabase(path.join(dir, 'registry.sqlite'));
    try {
      const types = (db.prepare('SELECT type FROM work_format_types').all() as { type: string }[]).map((r) => r.type);
      const kinds = (db.prepare('SELECT kind FROM entry_kinds').all() as { kind: string }[]).map((r) => r.kind);
      expect(sorted(types)).toEqual(sorted(Object.keys(WORK_FORMAT_TYPE_MODULES)));
      expect(sorted(kinds)).toEqual(sorted([...new Set(WORK_FORMAT_TYPES.flatMap((t) => kindsOf(t)))]));
    } finally {
      db.close();
    }
  });
});

describe('declarations follow each type’s own rules', () => {
  it('refuses an optional field the type does not take, naming the types that do', () => {
    expect(() => checkDeclaration({ type: 'rondje', prompt: 'Wat neem je mee?', options: ['A', 'B'] })).toThrow(
      'Opties hoort niet bij een rondje uitwisseling (alleen bij peiling, rangorde).',
    );
    expect(() => checkDeclaration({ type: 'peiling', prompt: 'Wat speelt er?', options: ['A', 'B'], answerKind: 'score' })).toThrow(
      'Een antwoordsoort hoort niet bij een peiling (alleen bij check-in, check-out).',
    );
    expect(() => checkDeclaration({ type: 'rangorde', prompt: 'Wat eerst?', options: ['Alleen deze'] })).toThrow('Een rangorde heeft minstens twee opties nodig.');
    expect(checkDeclaration({ type: 'check-in', prompt: 'Hoe kom je binnen?' }).answerKind).toBe('woord');
    expect(checkDeclaration({ type: 'brainstorm', prompt: 'Wat helpt?' }).dots).toBe(3);
    expect(checkDeclaration({ type: 'stelling', prompt: 'Eens?' })).not.toHaveProperty('dots');
  });

  it('refuses the same in a module file, at the line of the key', () => {
    const file = path.join(repoRoot, 'tests', 'fixtures', 'modules', 'valid', 'proefmodule', 'module.md');
    const source = fs.readFileSync(file, 'utf8').replace('meerdere: ja', 'meerdere: ja\nstippen: 3');
    const { problems } = parseModule(source, 'module.md', '', { today: new Date(2026, 10, 30) });
    expect(problems).toContainEqual({ file: 'module.md', line: 57, message: '"stippen" hoort niet bij een peiling (alleen bij brainstorm).' });
  });
});
