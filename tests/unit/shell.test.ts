// The Electron shell, run here with a fake `electron` module that records
// what it does (tests/helpers/fake-electron.ts) and the real core on a real
// SQLite file in a temp folder. What only a real Electron can show (Chromium
// honouring these settings) is in tests/e2e/electron.spec.ts (`npm run smoke`).

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared/contract';
import { AUDIENCE_CHANNELS, AUDIENCE_EVENTS } from '../../src/shared/audience';
import { CSP_HEADER } from '../../src/shared/csp';
import { PUSH_EVENTS } from '../../src/shared/events';
import { createFakeElectron, fakeEvent, type FakeElectron } from '../helpers/fake-electron';
import { repoRoot, tempDir } from '../helpers/temp';

// Each test starts the shell on a fresh module graph (a fresh fake electron); the first one also
// transforms the core and zod, which on a loaded CI machine can take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.doUnmock('electron');
});

interface BootOptions {
  singleInstanceLock?: boolean;
  isPackaged?: boolean;
  env?: Record<string, string>;
  /** Prepare the data folder before start (e.g. put a broken database there). */
  prepare?: (dataDir: string) => void;
}

/** Starts the shell against a fresh fake electron; `ready()` fires app ready and waits for startup. */
async function boot(options: BootOptions = {}) {
  const temp = tempDir('sessiewijzer-shell-');
  const dataDir = path.join(temp.dir, 'data');
  fs.mkdirSync(dataDir);
  options.prepare?.(dataDir);
  // Packaged, modules and fonts come from process.resourcesPath (Electron sets it; Node does not).
  const proc = process as NodeJS.Process & { resourcesPath?: string };
  const previousResources = proc.resourcesPath;
  proc.resourcesPath = repoRoot;
  const fake = createFakeElectron({
    singleInstanceLock: options.singleInstanceLock,
    isPackaged: options.isPackaged ?? true,
    userData: path.join(temp.dir, 'userData'),
    appPath: repoRoot,
  });
  let shellQuit: (() => void) | null = null;
  cleanups.push(() => {
    shellQuit?.();
    proc.resourcesPath = previousResources;
    temp.cleanup();
  });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  const { startShell } = await import('../../src/main/shell/app');
  const shell = startShell({
    mainDir: path.join(repoRoot, 'out', 'main'),
    env: { SESSIEWIJZER_DATA_DIR: dataDir, ...options.env },
  });
  // Close the database at the end of every test, as quitting the app does.
  shellQuit = () => fake.app.emit('will-quit');
  return {
    fake,
    dataDir,
    async ready() {
      fake.app.readyResolve();
      await shell.ready;
    },
  };
}

function mainWindow(fake: FakeElectron) {
  const win = fake.windows.find((w) => w.options.title === 'Sessiewijzer');
  if (!win) throw new Error('geen hoofdvenster');
  return win;
}

/** Opens the audience window through IPC, as the presenter view does, for a real planned session. */
async function openAudience(fake: FakeElectron) {
  const main = mainWindow(fake).webContents;
  expect((await fake.invoke('demo:load', undefined, main)).ok).toBe(true);
  const sessions = await fake.invoke('sessions:list', undefined, main);
  const sessionId = (sessions.value as { id: number }[])[0]!.id;
  const opened = await fake.invoke('audience:open', { sessionId, displayId: null }, main);
  expect(opened).toEqual({ ok: true, value: { open: true, displayId: 2, note: null } });
  const audience = fake.windows.find((w) => w.options.title === 'Sessiewijzer – publiek');
  if (!audience) throw new Error('geen publieksvenster');
  return { audience, sessionId };
}

describe('before the app is ready', () => {
  it('sets Chromium to Dutch, registers app:// as privileged, takes the single-instance lock and guards every webContents', async () => {
    const { fake } = await boot();
    expect(fake.app.switches).toEqual([['lang', 'nl-NL']]);
    expect(fake.module.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.count('web-contents-created')).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('quits at once when another instance holds the lock: no window, no database, no IPC', async () => {
    const { fake, dataDir, ready } = await boot({ singleInstanceLock: false });
    await ready();
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('the main window', () => {
  it('is sandboxed and isolated, with the full preload, and loads app://, never file://', async () => {
    const { fake, ready } = await boot();
    await ready();
    expect(fake.windows).toHaveLength(1);
    const win = mainWindow(fake);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(win.options.webPreferences.preload).toBe(path.join(repoRoot, 'out', 'preload', 'index.cjs'));
    expect(win.loadedUrl).toBe('app://sessiewijzer/index.html');
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('serves the renderer folder beside the main bundle over app:// with the CSP header', async () => {
    const { fake, ready } = await boot();
    await ready();
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    // Outside the renderer folder: the main bundle's own folder.
    const res = await handler!(new Request('app://sessiewijzer/..%2fmain%2findex.js'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CSP_HEADER);
    // The dev server's responses get the same policy as a header.
    let headers: unknown;
    fake.headersHook()!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r));
    expect(headers).toEqual({ responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CSP_HEADER] } });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, and trusts the dev server only in development', async () => {
    const packaged = await boot({ env: { ELECTRON_RENDERER_URL: 'http://evil.example/' } });
    await packaged.ready();
    expect(mainWindow(packaged.fake).loadedUrl).toBe('app://sessiewijzer/index.html');

    const dev = await boot({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } });
    await dev.ready();
    const win = mainWindow(dev.fake);
    expect(win.loadedUrl).toBe('http://localhost:5173');
    const info = await dev.fake.invoke('app:info', undefined, win.webContents);
    expect(info.ok).toBe(true);
    const fromApp = await dev.fake.invoke('app:info', undefined, win.webContents, { url: 'app://sessiewijzer/index.html', parent: null });
    expect(fromApp.ok).toBe(false);
  });
});

describe('every webContents', () => {
  it('denies navigation away, redirects, frame navigation, window.open and webviews: main, audience and a stray one', async () => {
    const { fake, ready } = await boot();
    await ready();
    const { audience } = await openAudience(fake);
    const stray = fake.strayWebContents('devtools://devtools/bundled/devtools_app.html');
    for (const contents of [mainWindow(fake).webContents, audience.webContents, stray]) {
      for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        for (const url of ['https://evil.example/', 'file:///home/jan/Downloads/renderer/index.html', 'http://localhost:5173.evil.example/', '%%%']) {
          const e = fakeEvent({ url });
          contents.emit(event, e);
          expect(e.defaultPrevented(), `${event} ${url}`).toBe(true);
        }
        // Our own origin (a reload by URL) goes through.
        const own = fakeEvent({ url: 'app://sessiewijzer/index.html' });
        contents.emit(event, own);
        expect(own.defaultPrevented(), `${event} eigen pagina`).toBe(false);
      }
      expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler!({ url: 'app://sessiewijzer/index.html' })).toEqual({ action: 'deny' });
      const webview = fakeEvent({});
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented()).toBe(true);
    }
  });

  it('gets no permission: requests, checks and devices are all refused', async () => {
    const { fake, ready } = await boot();
    await ready();
    const contents = mainWindow(fake).webContents;
    for (const permission of ['media', 'notifications', 'geolocation', 'fullscreen', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid']) {
      const callback = vi.fn();
      fake.permissions.request!(contents, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.permissions.check!(contents, permission, 'app://sessiewijzer')).toBe(false);
    }
    expect(fake.permissions.device!({ deviceType: 'usb', origin: 'app://sessiewijzer' })).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('registers every contract channel once and answers the main window', async () => {
    const { fake, ready } = await boot();
    await ready();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const info = await fake.invoke('app:info', undefined, mainWindow(fake).webContents);
    expect(info.ok).toBe(true);
    expect(info.value.version).toBe('9.9.9-test');
  });

  it('refuses subframes, foreign pages, a missing frame and webContents that are not our windows', async () => {
    const { fake, ready } = await boot();
    await ready();
    const main = mainWindow(fake).webContents;
    const refusals = [
      await fake.invoke('organisations:create', { name: 'Sint-Jan', kind: 'stichting' }, main, main.subframe('app://sessiewijzer/index.html')),
      await fake.invoke('organisations:create', { name: 'Sint-Jan', kind: 'stichting' }, main, { url: 'https://evil.example/', parent: null }),
      await fake.invoke('organisations:create', { name: 'Sint-Jan', kind: 'stichting' }, main, { url: 'file:///home/jan/Downloads/renderer/index.html', parent: null }),
      await fake.invoke('organisations:create', { name: 'Sint-Jan', kind: 'stichting' }, main, null),
      await fake.invoke('organisations:create', { name: 'Sint-Jan', kind: 'stichting' }, fake.strayWebContents('app://sessiewijzer/index.html')),
    ];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      expect(refusal.error!.code).toBe('ongeldige_invoer');
      expect(refusal.error!.message).toMatch(/geweigerd/);
    }
    // Nothing was stored by any of them.
    const list = await fake.invoke('organisations:list', undefined, main);
    expect(list).toEqual({ ok: true, value: [] });
  });
});

describe('the audience window', () => {
  it('opens on the external display with its own preload and the same hardened preferences', async () => {
    const { fake, ready } = await boot();
    await ready();
    const { audience, sessionId } = await openAudience(fake);
    expect(audience.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(audience.options.webPreferences.preload).toBe(path.join(repoRoot, 'out', 'preload', 'audience.cjs'));
    expect(audience.options).toMatchObject({ fullscreen: true, x: 1920, y: 0, width: 1280, height: 800 });
    expect(audience.loadedUrl).toBe(`app://sessiewijzer/index.html#/publiek/${sessionId}`);
  });

  it('may read the presenting state and revealed results, and nothing else', async () => {
    const { fake, ready } = await boot();
    await ready();
    const { audience, sessionId } = await openAudience(fake);
    const wc = audience.webContents;
    expect((await fake.invoke('presenting:state', { sessionId }, wc)).ok).toBe(true);
    expect((await fake.invoke('agenda:get', { sessionId }, wc)).ok).toBe(true);
    expect((await fake.invoke('runs:list', { sessionId }, wc)).ok).toBe(true);
    for (const [channel, input] of [
      ['presenting:command', { sessionId, command: { type: 'next' } }],
      ['participants:list', undefined],
      ['sessions:list', undefined],
      ['organisations:create', { name: 'Sint-Jan', kind: 'stichting' }],
      ['audience:close', undefined],
      ['app:info', undefined],
    ] as const) {
      const refusal = await fake.invoke(channel, input, wc);
      expect(refusal, channel).toEqual({
        ok: false,
        error: { code: 'ongeldige_invoer', message: 'Het publieksvenster mag alleen tonen wat er gepresenteerd wordt.' },
      });
    }
    // The refused command changed nothing.
    const state = await fake.invoke('presenting:state', { sessionId }, mainWindow(fake).webContents);
    expect(state.value.events).toEqual([]);
  });

  it('gets results as the audience sees them even when it asks for the facilitator view', async () => {
    const { checkSender } = await import('../../src/main/ipc/register');
    const policy = { origin: { protocol: 'app:', host: 'sessiewijzer' }, roleOf: () => 'audience' as const };
    const event = { sender: {} as never, senderFrame: { url: 'app://sessiewijzer/index.html', parent: null } as never };
    expect(checkSender(event, 'runs:results', { runId: 4, audience: false }, policy)).toEqual({
      ok: true,
      input: { runId: 4, audience: true },
    });
    expect(checkSender(event, 'runs:results', { runId: 4 }, policy)).toEqual({ ok: true, input: { runId: 4, audience: true } });
    const asMain = { ...policy, roleOf: () => 'main' as const };
    expect(checkSender(event, 'runs:results', { runId: 4, audience: false }, asMain)).toEqual({
      ok: true,
      input: { runId: 4, audience: false },
    });
  });

  it('hears only its allow-listed events; the main window hears them all', async () => {
    const { fake, ready } = await boot();
    await ready();
    const { audience } = await openAudience(fake);
    const main = mainWindow(fake).webContents;
    main.sent.length = 0;
    await fake.invoke('organisations:create', { name: 'Stichting Anouks school', kind: 'stichting' }, main);
    expect(main.sent.map((s) => s.channel)).toContain('data:changed');
    expect(audience.webContents.sent.map((s) => s.channel)).toContain('data:changed');
    for (const sent of audience.webContents.sent) expect(AUDIENCE_EVENTS as readonly string[]).toContain(sent.channel);
  });

  it('is closed by main and forgotten: its webContents no longer counts as ours', async () => {
    const { fake, ready } = await boot();
    await ready();
    const { audience, sessionId } = await openAudience(fake);
    const main = mainWindow(fake).webContents;
    expect((await fake.invoke('audience:close', undefined, main)).ok).toBe(true);
    expect(audience.destroyed).toBe(true);
    const late = await fake.invoke('presenting:state', { sessionId }, audience.webContents);
    expect(late.ok).toBe(false);
    expect(late.error!.message).toBe('Verzoek van een onbekend venster geweigerd.');
  });
});

describe('preloads', () => {
  async function exposed(entry: 'index' | 'audience') {
    const calls: { key: string; bridge: { invoke: Record<string, unknown>; on: (e: string, l: () => void) => () => void } }[] = [];
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true })), on: vi.fn(), removeListener: vi.fn() };
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, bridge: (typeof calls)[number]['bridge']) => calls.push({ key, bridge }) },
      ipcRenderer,
    }));
    await import(`../../src/preload/${entry}.ts`);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.key).toBe('sessiewijzer');
    return { bridge: calls[0]!.bridge, ipcRenderer };
  }

  it('the main window gets one function per contract channel and the push events, never ipcRenderer', async () => {
    const { bridge } = await exposed('index');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.keys(bridge.invoke).sort()).toEqual([...CHANNELS].sort());
    for (const event of PUSH_EVENTS) expect(typeof bridge.on(event, () => {})).toBe('function');
  });

  it('the audience window gets only its channels and events', async () => {
    const { bridge, ipcRenderer } = await exposed('audience');
    expect(Object.keys(bridge.invoke).sort()).toEqual([...AUDIENCE_CHANNELS].sort());
    expect(bridge.invoke['presenting:command']).toBeUndefined();
    expect(bridge.invoke['participants:list']).toBeUndefined();
    await (bridge.invoke['presenting:state'] as (i: unknown) => Promise<unknown>)({ sessionId: 1 });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('presenting:state', { sessionId: 1 });
    for (const event of AUDIENCE_EVENTS) bridge.on(event, () => {});
    expect(ipcRenderer.on).toHaveBeenCalledTimes(AUDIENCE_EVENTS.length);
    expect(() => bridge.on('backup:done', () => {})).toThrow('Onbekende gebeurtenis: backup:done');
  });
});

describe('single instance, menu, startup failure and quit', () => {
  it('a second start brings the main window back', async () => {
    const { fake, ready } = await boot();
    await ready();
    const win = mainWindow(fake);
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['sessiewijzer'], '/');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
  });

  it('sets the Dutch menu, without developer tools in the packaged app', async () => {
    const { fake, dataDir, ready } = await boot();
    await ready();
    expect(fake.module.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = fake.module.Menu.buildFromTemplate.mock.calls[0]![0] as { label: string; submenu: { label?: string; role?: string; click?: () => void }[] }[];
    expect(template.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const roles = template.flatMap((m) => m.submenu.map((i) => i.role)).filter(Boolean);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).toContain('quit');
    template[0]!.submenu.find((i) => i.label === 'Gegevensmap openen')!.click!();
    expect(fake.module.shell.openPath).toHaveBeenCalledExactlyOnceWith(dataDir);
  });

  it('opens the start screen with the Dutch reason and a restore when the database cannot be opened, leaving the file untouched', async () => {
    // The core owner stays up without a core: instead of an error box and a quit, the start screen
    // says why (app:info.databaseError) and offers the backups (backup:list, backup:restore).
    const garbage = 'Dit is geen database van Sessiewijzer.\n'.repeat(200);
    const { fake, dataDir, ready } = await boot({
      prepare: (dir) => fs.writeFileSync(path.join(dir, 'sessiewijzer.sqlite'), garbage),
    });
    await ready();
    expect(fake.module.dialog.showErrorBox).toHaveBeenCalledTimes(0);
    expect(fake.app.quit).toHaveBeenCalledTimes(0);
    expect(fake.windows).toHaveLength(1);
    const main = mainWindow(fake).webContents;
    const info = await fake.invoke('app:info', undefined, main);
    expect(info.ok).toBe(true);
    const reason = (info as unknown as { value: { databaseError: string } }).value.databaseError;
    // The core's own Dutch message, naming the file, without a stack trace.
    expect(reason).toContain(path.join(dataDir, 'sessiewijzer.sqlite'));
    expect(reason).not.toMatch(/AppError|\n\s+at /);
    expect((await fake.invoke('backup:list', undefined, main)).ok).toBe(true);
    const refused = await fake.invoke('organisations:list', undefined, main);
    expect(refused.ok).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'sessiewijzer.sqlite'), 'utf8')).toBe(garbage);
  });

  it('closes the core on quit: the WAL is folded back and the database no longer answers', async () => {
    const { fake, dataDir, ready } = await boot();
    await ready();
    const main = mainWindow(fake).webContents;
    expect((await fake.invoke('organisations:create', { name: 'Scholengroep Małgorzata', kind: 'scholengroep' }, main)).ok).toBe(true);
    const wal = path.join(dataDir, 'sessiewijzer.sqlite-wal');
    expect(fs.existsSync(wal)).toBe(true);
    fake.app.emit('will-quit');
    expect(fs.existsSync(wal)).toBe(false);
    const after = await fake.invoke('organisations:list', undefined, main);
    expect(after.ok).toBe(false);
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const { fake, ready } = await boot();
    await ready();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
