// Bounded text: every string (and every list) an IPC channel accepts has a
// maximum length, so no input can make a report, a PDF footer or a message
// grow without bound. Walks the zod schemas of the whole contract.

import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';

type Check = { _zod: { def: { check: string; maximum?: number; format?: string; pattern?: RegExp } } };
type Def = { type: string; checks?: Check[]; [k: string]: unknown };
interface Node {
  _zod: { def: Def };
}

/** A maximum length, or a pattern anchored at both ends with bounded repeats (dates, tokens, ids). */
function bounded(def: Def): boolean {
  return (def.checks ?? []).some(({ _zod: { def: c } }) => {
    if (c.check === 'max_length' || c.check === 'length_equals') return true;
    if (c.check === 'string_format' && c.format === 'regex' && c.pattern) {
      const source = c.pattern.source;
      return source.startsWith('^') && source.endsWith('$') && !/[+*]/.test(source.replace(/\\./g, ''));
    }
    return false;
  });
}

function unbounded(schema: Node, path: string, out: string[], seen = new Set<Node>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def;
  const walk = (child: unknown, p: string) => child && unbounded(child as Node, p, out, seen);
  switch (def.type) {
    case 'string':
      if (!bounded(def)) out.push(path);
      return;
    case 'array':
      if (!bounded(def)) out.push(`${path}[]`);
      walk(def.element, `${path}[]`);
      return;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      walk(def.innerType, path);
      return;
    case 'pipe':
      walk(def.in, path);
      walk(def.out, path);
      return;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => walk(o, `${path}|${i}`));
      return;
    case 'record':
      out.push(`${path}{}`);
      return;
    default:
      return;
  }
}

describe('bounded text', () => {
  it('every string and list in every channel input has a maximum', () => {
    const found: string[] = [];
    for (const [name, c] of Object.entries(contract)) unbounded(c.input as unknown as Node, name, found);
    expect(found).toEqual([]);
  });
});
