// The app's two kinds of window: the main window (full preload) and the
// audience window on the projector (its own small preload). Main remembers
// which webContents is which, so IPC can refuse the audience window anything
// beyond reading what is on screen.

import path from 'node:path';
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Rectangle, type WebContents } from 'electron';
import type { AudienceWindowInfo, DisplayInfo } from '../../shared/channels/presenting';
import { APP_ENTRY_URL } from './app-origin';

export type WindowRole = 'main' | 'audience';

/** Preload file per role, relative to out/preload. The audience preload is built as its own entry. */
export const PRELOAD_FILES: Record<WindowRole, string> = { main: 'index.cjs', audience: 'audience.cjs' };

/** Size, place and title; the security-relevant preferences are written out where the window is made. */
function windowFrame(role: WindowRole, bounds?: Rectangle): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  const audience = role === 'audience';
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 860,
    ...(bounds ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: audience ? 320 : 960,
    minHeight: audience ? 180 : 640,
    fullscreen: audience,
    autoHideMenuBar: audience,
    title: audience ? 'Sessiewijzer – publiek' : 'Sessiewijzer',
    backgroundColor: '#FBF7F0',
    show: false,
  };
}

/** Where a window loads the renderer: the dev server in `electron-vite dev`, else app://. Never file://. */
export function rendererUrl(devServerUrl: string | undefined, hash = ''): string {
  return `${devServerUrl ?? APP_ENTRY_URL}${hash}`;
}

export interface ShellWindows {
  main(): BrowserWindow | null;
  createMain(): BrowserWindow;
  /** A second start of the app brings the first one forward. */
  focusMain(): void;
  listDisplays(): DisplayInfo[];
  openAudience(sessionId: number, displayId: number | null): Promise<AudienceWindowInfo>;
  closeAudience(): void;
  /** Which of our windows a webContents belongs to; null for anything else (devtools, a stray one). */
  roleOf(contents: WebContents): WindowRole | null;
}

export function createShellWindows(options: { preloadDir: string; devServerUrl: string | undefined }): ShellWindows {
  let mainWindow: BrowserWindow | null = null;
  let audienceWindow: BrowserWindow | null = null;
  const roles = new Map<number, WindowRole>();

  function create(role: WindowRole, hash: string, bounds?: Rectangle): BrowserWindow {
    // The same preferences for every window; only the preload differs. One literal here, so
    // Electronegativity (npm run lint:electron) reads it; the shell tests check what Electron receives.
    const win = new BrowserWindow({
      ...windowFrame(role, bounds),
      webPreferences: {
        preload: path.join(options.preloadDir, PRELOAD_FILES[role]),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        // A middle click asks for a new window; the window-open handler denies it as well.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    // Registered before the page loads, so its first IPC call already has a role.
    const id = win.webContents.id;
    roles.set(id, role);
    win.webContents.once('destroyed', () => roles.delete(id));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(rendererUrl(options.devServerUrl, hash));
    return win;
  }

  const windows: ShellWindows = {
    main: () => mainWindow,
    createMain() {
      const win = create('main', '');
      mainWindow = win;
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = null;
      });
      return win;
    },
    focusMain() {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    },
    listDisplays() {
      const primary = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((d, i) => ({
        id: d.id,
        label: d.label || `Scherm ${i + 1}`,
        primary: d.id === primary,
        width: d.size.width,
        height: d.size.height,
      }));
    },
    async openAudience(sessionId, displayId) {
      const displays = screen.getAllDisplays();
      const primary = screen.getPrimaryDisplay();
      const target =
        displays.find((d) => d.id === displayId) ?? displays.find((d) => d.id !== primary.id) ?? primary;
      const note =
        target.id === primary.id
          ? 'Er is geen tweede scherm gevonden: het publieksvenster staat op dit scherm. Gebruik anders één scherm (toets S).'
          : null;
      audienceWindow?.destroy();
      const win = create('audience', `#/publiek/${sessionId}`, target.bounds);
      audienceWindow = win;
      win.on('closed', () => {
        if (audienceWindow === win) audienceWindow = null;
      });
      mainWindow?.focus();
      return { open: true, displayId: target.id, note };
    },
    closeAudience() {
      audienceWindow?.destroy();
      audienceWindow = null;
    },
    roleOf: (contents) => roles.get(contents.id) ?? null,
  };
  return windows;
}
