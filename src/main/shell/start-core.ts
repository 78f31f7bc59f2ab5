// The one place the shell opens and closes the core (database and module
// library), with Electron's dialogs, displays and windows as its host.
// Kept apart so a core owner that can close and reopen the core (backup
// restore) replaces these two functions and nothing else.

import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { CoreOwner } from '../services/core-owner';
import { appLocations } from '../paths';
import { AUDIENCE_EVENTS } from '../../shared/audience';
import type { ShellWindows } from './windows';

const AUDIENCE_EVENT_SET: ReadonlySet<string> = new Set(AUDIENCE_EVENTS);

/**
 * Opens the core through its owner, which can close and reopen it (backup
 * restore). A database the owner cannot trust does not throw here: the owner
 * stays up without a core so the start screen can say why and offer a restore.
 */
export function startCore(windows: ShellWindows, env: NodeJS.ProcessEnv, participantDir: string): Promise<CoreOwner> {
  const locations = appLocations({
    env,
    userDataDir: app.getPath('userData'),
    baseDir: app.isPackaged ? process.resourcesPath : app.getAppPath(),
  });
  return CoreOwner.open({
    ...locations,
    participantDir,
    // The full quick_check runs in a worker while the database is read-only (open stays < 200 ms).
    integrityCheck: 'background',
    appVersion: app.getVersion(),
    host: {
      displays: () => windows.listDisplays(),
      openAudience: (sessionId, displayId) => windows.openAudience(sessionId, displayId),
      async closeAudience() {
        windows.closeAudience();
      },
      async chooseSavePath({ title, defaultName, filters }) {
        const options = {
          title,
          defaultPath: path.join(app.getPath('documents'), defaultName),
          filters: filters ?? [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const parent = windows.main();
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async chooseOpenFile({ title, filters }) {
        const options = {
          title,
          defaultPath: app.getPath('documents'),
          filters,
          properties: ['openFile' as const],
        };
        const parent = windows.main();
        const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
      },
    },
    emit: (event, payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        // The audience window hears only what its preload lets through anyway; do not send it the rest.
        if (windows.roleOf(win.webContents) === 'audience' && !AUDIENCE_EVENT_SET.has(event)) continue;
        win.webContents.send(event, payload);
      }
    },
  });
}

/** Closing the core also stops the room server for phones: the address no longer answers after quit. */
export function stopCore(owner: CoreOwner | null): void {
  owner?.close();
}
