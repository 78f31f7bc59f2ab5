// The Electron app's wiring, in order: Chromium switches and the app://
// scheme before ready, the single-instance lock, security handlers for every
// webContents, then (when ready) the protocol, permissions, the core, IPC,
// the menu and the first window. Exported as a function so the shell tests
// run it against a fake `electron` module; src/main/index.ts only calls it.

import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import type { CoreOwner } from '../services/core-owner';
import { AppError } from '../../shared/errors';
import { CSP_HEADER } from '../../shared/csp';
import { registerIpc } from '../ipc/register';
import { buildMenu } from '../menu';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, installSecurityHandlers } from './security';
import { startCore, stopCore } from './start-core';
import { trustedOrigin } from './trusted-url';
import { createShellWindows } from './windows';

export interface ShellOptions {
  /** The folder of the built main bundle (out/main); renderer and preload sit beside it. */
  mainDir: string;
  env: NodeJS.ProcessEnv;
}

export interface Shell {
  /** Settles once the app is ready and the first window exists (or startup failed and the app quits). */
  ready: Promise<void>;
}

export function startShell(options: ShellOptions): Shell {
  // Chromium's own UI (date pickers: dd-mm-jjjj, number formats) in Dutch whatever the system language.
  app.commandLine.appendSwitch('lang', 'nl-NL');
  registerAppScheme();

  // One writer to the database: a second start hands over to the first and quits.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }

  // The dev server only in development: a packaged app never loads a URL from its environment.
  const devServerUrl = app.isPackaged ? undefined : options.env.ELECTRON_RENDERER_URL || undefined;
  const origin = trustedOrigin(devServerUrl);
  installSecurityHandlers(origin);
  const windows = createShellWindows({ preloadDir: path.join(options.mainDir, '../preload'), devServerUrl });
  let core: CoreOwner | null = null;

  app.on('second-instance', () => windows.focusMain());

  const ready = app.whenReady().then(async () => {
    handleAppProtocol(path.join(options.mainDir, '../renderer'));
    // app:// responses carry the CSP themselves; this adds it to the dev server's responses too.
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] } });
    });
    denyAllPermissions(session.defaultSession);

    try {
      // The phone page is built next to the renderer (out/participant); the room server serves it.
      core = await startCore(windows, options.env, path.join(options.mainDir, '../participant'));
    } catch (error) {
      const message = error instanceof AppError ? error.message : String(error);
      dialog.showErrorBox('Sessiewijzer kan niet starten', message);
      app.quit();
      return;
    }
    const opened = core;
    registerIpc(() => opened.handlers, { origin, roleOf: windows.roleOf });
    Menu.setApplicationMenu(buildMenu({ dataDir: opened.paths.dataDir, getWindow: windows.main }));
    windows.createMain();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) windows.createMain();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    stopCore(core);
    core = null;
  });
  return { ready };
}
