// Electron entry: a thin shell. Windows, menu, dialogs and IPC wiring live
// here; all behaviour is in the core (src/main/core.ts), which is tested
// without Electron.

import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import type { AudienceWindowInfo, DisplayInfo } from '../shared/channels/presenting';
import { CoreOwner } from './services/core-owner';
import { appLocations } from './paths';
import { registerIpc } from './ipc/register';
import { buildMenu } from './menu';
import { AppError } from '../shared/errors';
import { CSP_HEADER } from '../shared/csp';



const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by electron-vite dev
const rendererFile = path.join(__dirname, '../renderer/index.html');
let mainWindow: BrowserWindow | null = null;
let owner: CoreOwner | null = null;

function isTrustedUrl(url: string): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl);
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html');
}

/** A window on the renderer; `hash` picks the screen (e.g. `#/publiek/3` for the audience). */
function createAppWindow(options: { hash?: string; bounds?: Electron.Rectangle; audience?: boolean } = {}): BrowserWindow {
  const win = new BrowserWindow({
    width: options.bounds?.width ?? 1280,
    height: options.bounds?.height ?? 860,
    ...(options.bounds ? { x: options.bounds.x, y: options.bounds.y } : {}),
    minWidth: options.audience ? 320 : 960,
    minHeight: options.audience ? 180 : 640,
    fullscreen: options.audience === true,
    autoHideMenuBar: options.audience === true,
    title: options.audience ? 'Sessiewijzer – publiek' : 'Sessiewijzer',
    backgroundColor: '#FBF7F0',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // Nothing leaves the app: no navigation away, no new windows.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  if (rendererUrl) void win.loadURL(`${rendererUrl}${options.hash ?? ''}`);
  else void win.loadFile(rendererFile, options.hash ? { hash: options.hash.replace(/^#/, '') } : {});
  return win;
}

function createMainWindow(): BrowserWindow {
  return createAppWindow();
}

// The audience window: reveal.js only, fullscreen on the chosen (or first external) display.
let audienceWindow: BrowserWindow | null = null;

function listDisplays(): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d, i) => ({
    id: d.id,
    label: d.label || `Scherm ${i + 1}`,
    primary: d.id === primary,
    width: d.size.width,
    height: d.size.height,
  }));
}

async function openAudience(sessionId: number, displayId: number | null): Promise<AudienceWindowInfo> {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const target =
    displays.find((d) => d.id === displayId) ?? displays.find((d) => d.id !== primary.id) ?? primary;
  const note =
    target.id === primary.id
      ? 'Er is geen tweede scherm gevonden: het publieksvenster staat op dit scherm. Gebruik anders één scherm (toets S).'
      : null;
  audienceWindow?.destroy();
  audienceWindow = createAppWindow({ hash: `#/publiek/${sessionId}`, bounds: target.bounds, audience: true });
  audienceWindow.on('closed', () => (audienceWindow = null));
  mainWindow?.focus();
  return { open: true, displayId: target.id, note };
}

function startCore(): Promise<CoreOwner> {
  const locations = appLocations({
    env: process.env,
    userDataDir: app.getPath('userData'),
    baseDir: app.isPackaged ? process.resourcesPath : app.getAppPath(),
  });
  // The owner opens the core (and reopens it after a restore); a database it cannot trust is refused
  // and the start screen says why, with the backups to restore.
  return CoreOwner.open({
    ...locations,
    integrityCheck: 'background',
    appVersion: app.getVersion(),
    host: {
      displays: listDisplays,
      openAudience,
      async closeAudience() {
        audienceWindow?.destroy();
        audienceWindow = null;
      },
      async chooseSavePath({ title, defaultName, filters }) {
        const options = {
          title,
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: filters ?? [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async chooseOpenFile({ title, filters }) {
        const options = {
          title,
          defaultPath: app.getPath('documents'),
          filters,
          properties: ['openFile' as const],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
      },
    },
    emit: (event, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(event, payload);
    },
  });
}

// One writer to the database: a second start focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

    try {
      owner = await startCore();
    } catch (error) {
      const message = error instanceof AppError ? error.message : String(error);
      dialog.showErrorBox('Sessiewijzer kan niet starten', message);
      app.quit();
      return;
    }
    registerIpc(owner.handlers, isTrustedUrl);
    Menu.setApplicationMenu(buildMenu({ dataDir: owner.paths.dataDir, getWindow: () => mainWindow }));
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => owner?.close());
}
