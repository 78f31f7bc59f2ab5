// The app's own origin, app://sessiewijzer. No imports, so the trusted-URL
// check stays a pure module that tests load without Electron.

export const APP_SCHEME = 'app';
export const APP_HOST = 'sessiewijzer';
/** The renderer's entry; a hash picks the screen. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
