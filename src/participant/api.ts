// Talking to the room server: read the prompt, hear it change (server-sent
// events with a polling fallback), send an answer. Paths follow PHONE_PATHS in
// src/shared/phone.ts (only types are imported, to keep zod out of the bundle).

import type { PhoneAnswer, PhoneAnswerBody, PhoneAnswerReply, PhonePrompt } from '../../src/shared/phone';

/**
 * Copy of PHONE_DEVICE_PARAM in src/shared/phone.ts (a unit test keeps them equal). The prompt and
 * events requests carry this phone's device token, so the facilitator's count is of phones (a
 * polling phone included, two tabs once), not of connections.
 */
export const DEVICE_PARAM = 'device';

export const paths = {
  prompt: (room: string, device: string) => `/api/${room}/prompt?${DEVICE_PARAM}=${encodeURIComponent(device)}`,
  events: (room: string, device: string) => `/api/${room}/events?${DEVICE_PARAM}=${encodeURIComponent(device)}`,
  answer: (room: string) => `/api/${room}/answer`,
};

/** fetch with a time limit: a request into a dropped Wi-Fi can otherwise hang for minutes. */
async function fetchWithin(url: string, init: RequestInit, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { ...init, cache: 'no-store', credentials: 'omit', signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export function isPrompt(value: unknown): value is PhonePrompt {
  const p = value as PhonePrompt | null;
  if (typeof p !== 'object' || p === null || typeof p.revision !== 'number' || !Number.isFinite(p.revision)) return false;
  if (p.state === 'wachten' || p.state === 'einde') return true;
  return p.state === 'open' && typeof p.question === 'string' && typeof p.type === 'string' && typeof p.prompt === 'string';
}

export type PromptResult = { kind: 'prompt'; prompt: PhonePrompt } | { kind: 'missing' } | { kind: 'failed' };

export async function getPrompt(room: string, device: string): Promise<PromptResult> {
  try {
    const res = await fetchWithin(paths.prompt(room, device), { headers: { accept: 'application/json' } }, 8000);
    if (res.status === 404) return { kind: 'missing' };
    if (!res.ok) return { kind: 'failed' };
    const body: unknown = await res.json();
    return isPrompt(body) ? { kind: 'prompt', prompt: body } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

export type SendResult =
  | { kind: 'ok'; status: 'opgeslagen' | 'wacht-op-begeleider' }
  | { kind: 'refused'; error: string }
  /** No answer from the laptop: the answer may not have arrived. */
  | { kind: 'network' };

/** Dutch messages for refusals that do not come with the server's own words (rate limit, body limit, …). */
function messageForStatus(status: number): string {
  if (status === 404) return 'Deze kamer bestaat niet (meer). Kijk of het adres klopt met het scherm van de begeleider.';
  if (status === 413) return 'Dit antwoord is te lang om te versturen. Maak het korter.';
  if (status === 429) return 'Je verstuurt snel achter elkaar. Wacht een halve minuut en probeer het dan opnieuw.';
  if (status >= 500) return 'Er ging iets mis op de laptop van de begeleider. Probeer het zo opnieuw.';
  return `De laptop van de begeleider nam dit antwoord niet aan (code ${status}).`;
}

export async function postAnswer(room: string, device: string, question: string, answer: PhoneAnswer): Promise<SendResult> {
  const body: PhoneAnswerBody = { device, question, answer };
  let res: Response;
  try {
    res = await fetchWithin(
      paths.answer(room),
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) },
      10000,
    );
  } catch {
    return { kind: 'network' };
  }
  let reply: PhoneAnswerReply | null = null;
  try {
    reply = (await res.json()) as PhoneAnswerReply;
  } catch {
    reply = null;
  }
  if (reply && reply.ok === true && res.ok && (reply.status === 'opgeslagen' || reply.status === 'wacht-op-begeleider')) {
    return { kind: 'ok', status: reply.status };
  }
  if (reply && reply.ok === false && typeof reply.error === 'string' && reply.error.trim() !== '') {
    return { kind: 'refused', error: reply.error };
  }
  return { kind: 'refused', error: messageForStatus(res.status) };
}

// ---------------------------------------------------------------------------
// The prompt feed.

/** 'klaar' = the session ended (the server said 'einde'): nothing more to ask. 'live' = events stream open; 'polling' = stream unavailable, asking every few seconds; 'offline' = the laptop does not answer. */
export type LinkStatus = 'verbinden' | 'live' | 'polling' | 'offline' | 'onbekend' | 'klaar';

export interface FeedState {
  prompt: PhonePrompt | null;
  link: LinkStatus;
}

export interface FeedTiming {
  /** Between two GETs while the stream is down. */
  pollMs: number;
  /** Waits before re-opening the stream, one per consecutive failure (the last repeats). */
  streamRetryMs: number[];
  /** No byte (not even the 15-second comment) for this long: the stream is dead although no error came. */
  silenceMs: number;
}

/** pollMs equals PHONE_POLL_MS in src/shared/phone.ts (a unit test keeps them equal): the server's grace for a polling phone follows it. */
export const DEFAULT_TIMING: FeedTiming = { pollMs: 3000, streamRetryMs: [1000, 2000, 5000, 10000, 20000], silenceMs: 40000 };

/**
 * Keeps the newest prompt. Reads the stream with fetch rather than EventSource: that
 * shows the status code (a wrong room code is a 404, not an endless retry) and the
 * server's keep-alive comments, so a connection that died silently while the phone
 * slept is noticed and replaced. Whenever the stream is down, a GET every few seconds
 * keeps the page current. Answers with an older revision than shown are ignored,
 * whichever way they arrive.
 */
export class PromptFeed {
  private state: FeedState = { prompt: null, link: 'verbinden' };
  private stream: AbortController | null = null;
  private streamFailures = 0;
  private streamTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever polling stops, so a GET still in flight does not start a second loop. */
  private pollGeneration = 0;
  private polling = false;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly room: string,
    /** This phone's device token for the room (RoomMemory), sent with every prompt and events request. */
    private readonly device: string,
    private readonly onChange: (state: FeedState) => void,
    private readonly timing: FeedTiming = DEFAULT_TIMING,
  ) {}

  start(): void {
    window.addEventListener('online', this.recover);
    window.addEventListener('pageshow', this.onPageShow);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.refresh();
    this.openStream();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.recover);
    window.removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.closeStream();
    clearTimeout(this.streamTimer);
    this.stopPolling();
  }

  /** After sleep, a network change or a return from the back/forward cache: ask now and open a fresh stream. */
  readonly recover = (): void => {
    if (this.stopped || this.state.link === 'klaar') return;
    // No debounce: 'online' may come just after a wake-up whose requests failed, and must try again.
    this.streamFailures = 0;
    void this.refresh();
    this.openStream();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.recover();
  };

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.recover();
  };

  private set(patch: Partial<FeedState>): void {
    const next = { ...this.state, ...patch };
    if (next.prompt === this.state.prompt && next.link === this.state.link) return;
    this.state = next;
    this.onChange(next);
  }

  /** Takes a prompt unless an equal or newer revision is already shown. */
  private accept(prompt: PhonePrompt): void {
    const shown = this.state.prompt;
    if (shown && prompt.revision <= shown.revision) return;
    this.set({ prompt });
    if (prompt.state === 'einde') this.finish();
  }

  /** The session ended and its server stops: stop asking, so the page does not report a lost connection forever. */
  private finish(): void {
    this.closeStream();
    clearTimeout(this.streamTimer);
    this.stopPolling();
    this.set({ link: 'klaar' });
  }

  private async refresh(): Promise<void> {
    const result = await getPrompt(this.room, this.device);
    if (this.stopped) return;
    if (result.kind === 'missing') return this.giveUp();
    // The link shown is the stream's while it is open; otherwise what the last GET found.
    if (this.state.link === 'klaar') return;
    if (this.state.link !== 'live') this.set({ link: result.kind === 'prompt' ? 'polling' : 'offline' });
    if (result.kind === 'prompt') this.accept(result.prompt);
  }

  /** The room code is unknown (wrong address, or the session ended): stop asking until the user returns to the page. */
  private giveUp(): void {
    if (this.state.link === 'klaar') return; // a room that ended after saying so: the thanks stay
    this.closeStream();
    clearTimeout(this.streamTimer);
    this.stopPolling();
    this.set({ link: 'onbekend' });
  }

  private closeStream(): void {
    const current = this.stream;
    this.stream = null;
    clearTimeout(this.silenceTimer);
    current?.abort();
  }

  private openStream(): void {
    this.closeStream();
    clearTimeout(this.streamTimer);
    const controller = new AbortController();
    this.stream = controller;
    void this.readStream(controller);
  }

  private async readStream(controller: AbortController): Promise<void> {
    try {
      const res = await fetch(paths.events(this.room, this.device), {
        headers: { accept: 'text/event-stream' },
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      if (res.status === 404) {
        if (this.stream === controller) this.giveUp();
        return;
      }
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !res.body || !type.includes('text/event-stream')) throw new Error('geen stroom');
      const reader = res.body.getReader();
      this.streamUp(controller);
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.armSilence(controller);
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.onEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
      throw new Error('stroom gesloten');
    } catch {
      // Replaced or stopped on purpose: the newer stream (or nothing) takes over.
      if (this.stream !== controller) return;
      this.streamDown();
    }
  }

  private onEvent(block: string): void {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue; // keep-alive comment
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (name !== 'prompt' || data.length === 0) return;
    try {
      const prompt: unknown = JSON.parse(data.join('\n'));
      if (isPrompt(prompt)) this.accept(prompt);
    } catch {
      // A malformed event is skipped; the next one or a GET repairs the state.
    }
  }

  private streamUp(controller: AbortController): void {
    this.streamFailures = 0;
    this.stopPolling();
    this.armSilence(controller);
    this.set({ link: 'live' });
    // Changes made while no stream was open are not replayed by the server: catch up once.
    void this.refresh();
  }

  private armSilence(controller: AbortController): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      if (this.stream === controller) controller.abort(); // readStream's catch sees it is still current → streamDown
    }, this.timing.silenceMs);
  }

  private streamDown(): void {
    this.stream = null;
    clearTimeout(this.silenceTimer);
    if (this.stopped || this.state.link === 'onbekend' || this.state.link === 'klaar') return;
    if (this.state.link === 'live') this.set({ link: 'polling' });
    const retry = this.timing.streamRetryMs;
    const wait = retry[Math.min(this.streamFailures, retry.length - 1)] ?? 5000;
    this.streamFailures += 1;
    clearTimeout(this.streamTimer);
    this.streamTimer = setTimeout(() => this.openStream(), wait);
    this.startPolling();
  }

  private startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    this.pollLoop(++this.pollGeneration);
  }

  private stopPolling(): void {
    this.polling = false;
    this.pollGeneration += 1;
    clearTimeout(this.pollTimer);
  }

  private pollLoop(generation: number): void {
    this.pollTimer = setTimeout(() => {
      void this.refresh().then(() => {
        if (generation === this.pollGeneration && !this.stopped) this.pollLoop(generation);
      });
    }, this.timing.pollMs);
  }
}
