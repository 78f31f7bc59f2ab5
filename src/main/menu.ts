// The Dutch application menu.

import { Menu, shell, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(options: { dataDir: string; getWindow: () => BrowserWindow | null }): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Bestand',
      submenu: [
        { label: 'Gegevensmap openen', click: () => void shell.openPath(options.dataDir) },
        { type: 'separator' },
        { label: 'Afsluiten', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    {
      label: 'Beeld',
      submenu: [
        { label: 'Herladen', role: 'reload' },
        { type: 'separator' },
        { label: 'Werkelijke grootte', role: 'resetZoom' },
        { label: 'Inzoomen', role: 'zoomIn' },
        { label: 'Uitzoomen', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Volledig scherm', role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ label: 'Ontwikkelhulpmiddelen', role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'Over Sessiewijzer',
          click: () => {
            const win = options.getWindow();
            const message = {
              type: 'info' as const,
              title: 'Over Sessiewijzer',
              message: `Sessiewijzer ${app.getVersion()}`,
              detail: 'Offline hulpmiddel voor begeleiders van Welbevinden op School-modules.\nGegevens: ' + options.dataDir,
            };
            void (win ? dialog.showMessageBox(win, message) : dialog.showMessageBox(message));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
