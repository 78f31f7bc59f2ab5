// Every channel's schema, fed bad input of every kind: no message the user
// can see names a field by its code name ("groupId") or uses a JavaScript or
// zod type word ("verwacht array, ontving Date", "Onbekende key").

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, contract } from '../../src/shared/contract';
import { formatZodError, parseInput } from '../../src/main/ipc/dispatch';
import { FIELD_LABELS } from '../../src/shared/validation-messages';

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const BAD: unknown[] = [
  undefined,
  null,
  new Date('2026-11-25T10:00:00Z'),
  [],
  {},
  -1,
  0,
  1.5,
  1e12,
  Number.NaN,
  '',
  '   ',
  'x'.repeat(100_001),
  'onzin',
  '2026-02-30',
  true,
  [new Date('2026-11-25T10:00:00Z')],
  { x: 1 },
];
const BAD_NESTED: unknown[] = [undefined, null, new Date('2026-11-25T10:00:00Z'), [], -1, 1.5, '', 'x'.repeat(100_001), true];

/** The schema under wrappers (optional, nullable, pipe, default…). */
function unwrap(schema: unknown): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return unwrap(def.innerType);
    case 'pipe':
      return [...unwrap(def.in), ...unwrap(def.out)];
    case 'union':
      return (def.options as unknown[]).flatMap(unwrap);
    case 'lazy':
      return unwrap((def.getter as () => unknown)());
    default:
      return [schema];
  }
}

/** A valid-looking base for an object: its literal fields (discriminators) filled in. */
function literalBase(shape: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(shape)) {
    for (const s of unwrap(child)) {
      const d = defOf(s);
      if (d.type === 'literal') base[key] = (d.values as unknown[])[0];
    }
  }
  return base;
}

/** Bad inputs for a schema: bad values for it, and for objects bad values per field, nested. */
function badInputs(schema: unknown, depth = 0): unknown[] {
  const out: unknown[] = [...(depth === 0 ? BAD : BAD_NESTED)];
  if (depth > 2) return out;
  for (const s of unwrap(schema)) {
    const def = defOf(s);
    if (def.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      const base = literalBase(shape);
      out.push({ ...base, onbekendVeld: 1 });
      for (const [key, child] of Object.entries(shape)) {
        for (const value of badInputs(child, depth + 1)) out.push({ ...base, [key]: value });
      }
    } else if (def.type === 'array') {
      for (const value of badInputs(def.element, depth + 1)) out.push([value]);
    }
  }
  return out;
}

/** Every field name in a schema, nested. */
function fieldNames(schema: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (depth > 6) return into;
  for (const s of unwrap(schema)) {
    const def = defOf(s);
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        into.add(key);
        fieldNames(child, into, depth + 1);
      }
    } else if (def.type === 'array') fieldNames(def.element, into, depth + 1);
    else if (def.type === 'record') fieldNames(def.valueType, into, depth + 1);
  }
  return into;
}

const ALL_FIELDS = new Set(CHANNELS.flatMap((c) => [...fieldNames(contract[c].input)]));
// Code names that are also the Dutch word a message may use ("Kies een status", "een type werkvorm").
const DUTCH_TOO = new Set(['status', 'sector', 'modules', 'type']);
const CODE_NAMES = [...ALL_FIELDS].filter((k) => !DUTCH_TOO.has(k));
const TYPE_WORDS =
  /\b(string|number|boolean|array|object|undefined|null|bigint|symbol|date|nan|function|int|float|key|keys|verwacht|ontving|expected|received|required|invalid|veld:)\b/i;

describe('validation messages', () => {
  it('have a Dutch label for every field of the contract', () => {
    const missing = [...ALL_FIELDS].filter((k) => !Object.hasOwn(FIELD_LABELS, k)).sort();
    expect(missing, 'velden zonder label in src/shared/validation-messages.ts').toEqual([]);
  });

  it('never name a field by its code name nor use a type word, on any channel', () => {
    const offending = new Map<string, string>();
    let checked = 0;
    for (const channel of CHANNELS) {
      for (const input of badInputs(contract[channel].input)) {
        const result = parseInput(channel, input);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          checked++;
          const message = issue.message;
          const words = message.split(/[^\p{L}\p{N}_-]+/u);
          const code = CODE_NAMES.find((name) => words.includes(name));
          if (code || TYPE_WORDS.test(message)) offending.set(message, `${channel} ${JSON.stringify(input)?.slice(0, 120)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(Object.fromEntries(offending)).toEqual({});
  });

  it('name the field by its label: the first message for a missing group in "Sessie plannen"', () => {
    const result = parseInput('sessions:create', { moduleId: 'prestatiedruk', date: '2026-11-25' });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error as z.ZodError)).toBe('Groep ontbreekt: kies er een.');
    const typed = parseInput('sessions:create', { groupId: [], moduleId: new Date(), date: '2026-11-25' });
    expect(typed.success).toBe(false);
    if (!typed.success) expect(typed.error.issues.map((i) => i.message)).toContain('Groep: kies een van de mogelijkheden.');
  });
});
