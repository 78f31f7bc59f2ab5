// Navigation and permissions, for every webContents the app ever creates
// (windows, devtools, anything a future feature adds), not per window: a
// window that forgets a listener is exactly the gap this closes.

import { app, type Session, type WebContents } from 'electron';
import { isTrustedUrl, type TrustedOrigin } from './trusted-url';

/**
 * Hash routes (`#/sessies/3`) are in-page navigations and fire none of these
 * events, so the app itself never hits them. A navigation to our own origin is
 * let through (a reload by URL); everything else is stopped before it starts.
 */
export function hardenWebContents(contents: WebContents, origin: TrustedOrigin): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isTrustedUrl(event.url, origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, origin)) event.preventDefault();
  });
  // No popups, no new windows: the app opens its windows from main only.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // No <webview>: it would be a browser with its own preferences inside the app.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The app uses no camera, microphone, notifications, geolocation, clipboard
 * API, HID/serial/USB or fullscreen API (the audience window is made
 * fullscreen by main), so every request and every check says no.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Install before any window exists. */
export function installSecurityHandlers(origin: TrustedOrigin): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));
}
