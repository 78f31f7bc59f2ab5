// Building blocks for channel declarations: the channel() helper and the
// input schemas several areas share. Messages are Dutch: a user may see them.

import { z } from 'zod';

// Dutch messages for zod's built-in checks.
z.config(z.locales.nl());

/** Declares a channel: `channel(inputSchema).returns<Result>()`. */
export function channel<I extends z.ZodType>(input: I) {
  return {
    returns<R>() {
      return { input, result: undefined as unknown as R };
    },
  };
}

// No message of its own: the field's label says which record (see validation-messages.ts).
export const id = z.number().int().positive();

export const requiredText = (what: string, max = 200) =>
  z
    .string({ error: `${what} ontbreekt.` })
    .trim()
    .min(1, `${what} mag niet leeg zijn.`)
    .max(max, `${what} is te lang (hoogstens ${max} tekens).`);

export const optionalText = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${what} is te lang (hoogstens ${max} tekens).`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum moet de vorm JJJJ-MM-DD hebben.')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'Deze datum bestaat niet.');

export const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Een tijd moet de vorm UU:MM hebben.')
  .nullable()
  .optional();

export const email = z
  .string()
  .trim()
  .max(254, 'Een e-mailadres is hoogstens 254 tekens.')
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email('Dit is geen geldig e-mailadres.').max(254, 'Een e-mailadres is hoogstens 254 tekens.').nullable())
  .nullable()
  .optional();

/** For channels without input. */
export const none = z.undefined().or(z.strictObject({}).strict()).optional();

export { z };
