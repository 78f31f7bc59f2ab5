// Validates a channel's input against the contract and calls its handler.
// Used by the Electron IPC layer and by the test harness alike, so the same
// validation runs in every test that drives the UI.

import { z } from 'zod';
import { contract, type Channel, type ChannelResult, type ParsedInput } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import { unexpectedErrorData } from '../db/sqlite-errors';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function formatZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'De invoer is ongeldig.';
  // The message is Dutch (contract schemas and z.locales.nl); the path says which field.
  const field = first.path.length ? ` (veld: ${first.path.join('.')})` : '';
  return `${first.message}${field}`;
}

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'ongeldige_invoer', message: 'Onbekend kanaal.' } };
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return { ok: false, error: { code: 'ongeldige_invoer', message: formatZodError(parsed.error) } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    log(`Fout in ${channel}`, error);
    // SQLite errors get a Dutch message saying what happened (db/sqlite-errors.ts).
    return { ok: false, error: unexpectedErrorData(error) };
  }
}
