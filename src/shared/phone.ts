// The narrow contract between the room server in main (src/main/lan/) and the
// phone page (src/participant/). It is the ONLY thing a phone can reach: read
// the current question, submit an answer, hear that the question changed.
// Nothing here names a person, a school, a session or another question.
// The phone page imports only the types (`import type`), so zod stays out of
// its small bundle; main validates every request with the schemas below.

import { z } from 'zod';

/** Room codes: 6 characters without look-alikes (no 0/O, 1/I/L), typeable from a projector. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;
export const roomCode = z
  .string()
  .length(ROOM_CODE_LENGTH, 'Deze kamercode klopt niet.')
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'Deze kamercode klopt niet.');

/** Largest request body the server reads (bytes); anything larger is refused unread. */
export const PHONE_BODY_LIMIT = 4096;

/** Paths, relative to `http://<address>:<port>`. `:room` is the room code. */
export const PHONE_PATHS = {
  /** The phone page itself (HTML); also what the QR code opens. */
  page: '/:room',
  /** Its script and style files, from the participant build. */
  assets: '/:room/assets/*',
  /** GET: the current question as a PhonePrompt. Query `?device=<token>` (PHONE_DEVICE_PARAM): counted as a connected phone. */
  prompt: '/api/:room/prompt',
  /** GET, text/event-stream: `event: prompt` with a PhonePrompt whenever it changes; a comment line every 15 s. Query `?device=<token>` as for prompt. */
  events: '/api/:room/events',
  /** POST, JSON PhoneAnswer: answer the current question. */
  answer: '/api/:room/answer',
} as const;

/** Which formats phones can answer. A round (rondje), a task and an action plan stay spoken. */
export const PHONE_FORMAT_TYPES = ['peiling', 'stelling', 'schaalvraag', 'rangorde', 'brainstorm', 'check-in', 'check-out'] as const;
export type PhoneFormatType = (typeof PHONE_FORMAT_TYPES)[number];

/** What a phone shows. `revision` grows with every change so a phone ignores an older state. */
export type PhonePrompt =
  | { state: 'wachten'; revision: number }
  | { state: 'einde'; revision: number }
  | {
      state: 'open';
      revision: number;
      /** Opaque key of this question; an answer must carry it, so a late answer for another question is refused. */
      question: string;
      type: PhoneFormatType;
      prompt: string;
      /** peiling / rangorde: the options; stelling: eens, neutraal, oneens. */
      options?: string[];
      /** peiling: more than one option may be chosen. */
      multiple?: boolean;
      /** schaalvraag: the labels for 1 and 10. */
      scaleLabels?: { low: string; high: string } | null;
      /** check-in / check-out: a word, or a score from 1 to 10. */
      answerKind?: 'woord' | 'score';
      /** brainstorm: 'kaarten' while cards are collected, 'stippen' during dot voting. */
      phase?: 'kaarten' | 'stippen';
      /** brainstorm dot voting: the cards let through, and the dots each phone has. */
      cards?: { id: number; text: string }[];
      dots?: number;
      /** stelling: whether an argument may be added (moderated before the room sees it). */
      argument?: boolean;
    };

const deviceToken = z
  .string({ error: 'Dit toestel heeft geen geldige sleutel; herlaad de pagina.' })
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'Dit toestel heeft geen geldige sleutel; herlaad de pagina.');

/**
 * The query parameter that carries the phone's device token on GET prompt and GET events, so the
 * presenter's count is of phones, not of connections (a stream request cannot always set headers).
 * Validated with `phoneDeviceToken`; a request without a valid one is still answered, only not counted
 * (an old cached page keeps working).
 */
export const PHONE_DEVICE_PARAM = 'device';
/** The device token, as in an answer's `device`. */
export const phoneDeviceToken = deviceToken;
/**
 * How often the phone page asks for the prompt while its event stream is down (src/participant/api.ts
 * DEFAULT_TIMING.pollMs, a copy a unit test keeps equal): the room server counts a polling phone as
 * connected for a grace period derived from it.
 */
export const PHONE_POLL_MS = 3000;

const shortText = (what: string, max: number) =>
  z
    .string({ error: `${what} ontbreekt.` })
    .trim()
    .min(1, `${what} is leeg.`)
    .max(max, `${what} is te lang (hoogstens ${max} tekens).`);

const score = (what: string) =>
  z
    .number({ error: `${what} moet een getal zijn.` })
    .int(`${what} is een heel getal van 1 tot en met 10.`)
    .min(1, `${what} is een heel getal van 1 tot en met 10.`)
    .max(10, `${what} is een heel getal van 1 tot en met 10.`);

/** One answer from a phone. Which kinds a question takes is checked in main against the open run. */
export const phoneAnswerBody = z.strictObject(
  {
    device: deviceToken,
    question: z.string({ error: 'Deze vraag bestaat niet (meer).' }).min(1).max(64, 'Deze vraag bestaat niet (meer).'),
    answer: z.discriminatedUnion(
      'kind',
      [
        /** peiling: one option, or several when `multiple`. Replaces this phone's earlier choice. */
        z.strictObject({ kind: z.literal('keuze'), options: z.array(shortText('Een keuze', 200)).min(1, 'Kies een antwoord.').max(20) }),
        /** stelling: a side, optionally an argument (waits for the facilitator). */
        z.strictObject({
          kind: z.literal('stelling'),
          side: z.enum(['eens', 'neutraal', 'oneens'], { error: 'Kies eens, neutraal of oneens.' }),
          argument: z.string().trim().max(300, 'Het argument is te lang (hoogstens 300 tekens).').optional(),
        }),
        z.strictObject({ kind: z.literal('cijfer'), value: score('Het cijfer') }),
        z.strictObject({ kind: z.literal('volgorde'), order: z.array(shortText('Een optie', 200)).min(1, 'Zet de opties in een volgorde.').max(20) }),
        /** brainstorm: one card per request (waits for the facilitator). */
        z.strictObject({ kind: z.literal('kaart'), text: shortText('De kaart', 140) }),
        /** brainstorm dot voting: the whole allocation of this phone, replacing the earlier one. */
        z.strictObject({
          kind: z.literal('stippen'),
          dots: z
            .array(z.strictObject({ card: z.number().int().positive(), dots: z.number().int().min(1).max(10) }))
            .max(20, 'Te veel kaarten tegelijk.'),
        }),
        /** check-in / check-out word (waits for the facilitator) or score. */
        z.strictObject({ kind: z.literal('woord'), text: shortText('Het woord', 40) }),
        z.strictObject({ kind: z.literal('score'), value: score('De score') }),
      ],
      { error: 'Dit soort antwoord kent Sessiewijzer niet.' },
    ),
  },
  { error: 'Dit antwoord kan Sessiewijzer niet lezen.' },
);
export type PhoneAnswerBody = z.infer<typeof phoneAnswerBody>;
export type PhoneAnswer = PhoneAnswerBody['answer'];

/** The server's reply to an answer. */
export type PhoneAnswerReply =
  | { ok: true; status: 'opgeslagen' | 'wacht-op-begeleider' }
  | { ok: false; error: string };
