// Which URLs and IPC senders belong to the app. Parsed origins are compared,
// never string prefixes: `http://localhost:5173.evil.example/` starts with
// `http://localhost:5173` and a downloaded `…/renderer/index.html` ends like
// ours. Anything that does not parse is refused rather than thrown, because a
// throw inside a `will-navigate` listener would skip preventDefault().

import { APP_HOST, APP_SCHEME } from './app-origin';

export interface TrustedOrigin {
  /** With the colon, as URL.protocol has it: `app:` or `http:`. */
  protocol: string;
  /** Host with port, as URL.host has it. */
  host: string;
}

/** The origin the renderer is served from: the dev server in `electron-vite dev`, else app://sessiewijzer. */
export function trustedOrigin(devServerUrl: string | undefined): TrustedOrigin {
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return { protocol: dev.protocol, host: dev.host };
  }
  return { protocol: `${APP_SCHEME}:`, host: APP_HOST };
}

/** Parses, or null: never throws. */
function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isTrustedUrl(url: unknown, origin: TrustedOrigin): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // `app://x@sessiewijzer/` has our host but says something else to a reader; refuse credentials outright.
  if (parsed.username !== '' || parsed.password !== '') return false;
  // URL lower-cases scheme and host of special and standard schemes; compare exactly.
  return parsed.protocol === origin.protocol && parsed.host === origin.host;
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * An IPC message is ours only when it comes from a main frame (no parent:
 * an iframe could be anything) whose document is on the trusted origin.
 * A missing frame (navigated away or destroyed) is refused.
 */
export function isTrustedFrame(frame: SenderFrame | null | undefined, origin: TrustedOrigin): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, origin);
}
