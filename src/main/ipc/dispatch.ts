// Validates a channel's input against the contract and calls its handler.
// Used by the Electron IPC layer and by the test harness alike, so the same
// validation runs in every test that drives the UI.

import { z } from 'zod';
import { contract, type Channel, type ChannelResult, type ParsedInput } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import { unexpectedErrorData } from '../db/sqlite-errors';
import { dutchIssueMessage } from '../../shared/validation-messages';

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelResult<C> | Promise<ChannelResult<C>>;
};

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The first issue's message: the schema's own Dutch message, or one naming the field by its label. */
export function formatZodError(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'De invoer is ongeldig.';
}

/** Validates a channel's input; messages name fields by their Dutch label (validation-messages.ts). */
export function parseInput<C extends Channel>(channel: C, rawInput: unknown) {
  return contract[channel].input.safeParse(rawInput, { error: dutchIssueMessage });
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
  const parsed = parseInput(channel, rawInput);
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
