// A stand-in for the `electron` module that records what the shell does with
// it, for the shell tests (vi.doMock('electron', () => fake.module)). Only
// the parts the shell uses exist; a call to anything else fails the test.
// Like Electron, creating a webContents emits 'web-contents-created' on app.

import { vi, type Mock } from 'vitest';

/** vi.fn with a type the declaration emitter can name. */
function fn<T extends (...args: any[]) => any>(impl: T): Mock<T> {
  return vi.fn(impl) as unknown as Mock<T>;
}

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An Electron-style event whose preventDefault is recorded. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault: Mock; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return Object.assign({}, fields, { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 });
}

export function createFakeElectron(options: { singleInstanceLock?: boolean; isPackaged?: boolean; userData: string; appPath: string }) {
  let nextId = 1;
  const app = Object.assign(new Emitter(), {
    isPackaged: options.isPackaged ?? true,
    switches: [] as [string, string | undefined][],
    commandLine: {
      appendSwitch: fn((name: string, value?: string) => {
        app.switches.push([name, value]);
      }),
    },
    requestSingleInstanceLock: fn(() => options.singleInstanceLock ?? true),
    quit: fn((_value?: unknown) => {}),
    readyResolve: (() => {}) as () => void,
    ready: false,
    whenReady: fn((): Promise<void> => readyPromise),
    getPath: fn((name: string) => (name === 'userData' ? options.userData : `/nergens/${name}`)),
    getAppPath: fn(() => options.appPath),
    getVersion: fn(() => '9.9.9-test'),
  });
  const readyPromise = new Promise<void>((resolve) => {
    app.readyResolve = () => {
      app.ready = true;
      resolve();
    };
  });

  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    readonly sent: { channel: string; payload: unknown }[] = [];
    readonly mainFrame: FakeFrame;
    constructor(url = '') {
      super();
      this.mainFrame = { url, parent: null };
      app.emit('web-contents-created', {}, this);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    }
    /** A subframe of this page, for sender checks. */
    subframe(url: string): FakeFrame {
      return { url, parent: this.mainFrame };
    }
  }

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    destroyed = false;
    minimized = false;
    focused = 0;
    shown = false;
    constructor(readonly options: Record<string, any>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    loadFile(): never {
      throw new Error('loadFile: de renderer mag niet van file:// laden');
    }
    show() {
      this.shown = true;
    }
    focus() {
      this.focused++;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    destroy() {
      this.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
      windows.splice(windows.indexOf(this), 1);
    }
    static getAllWindows() {
      return [...windows];
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const permissions = {
    request: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void),
    check: null as null | ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean),
    device: null as null | ((details: unknown) => boolean),
  };
  let headersHook: null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) = null;
  const displays = [
    { id: 1, label: 'Laptop', size: { width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 2, label: 'Beamer', size: { width: 1280, height: 800 }, bounds: { x: 1920, y: 0, width: 1280, height: 800 } },
  ];

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
      registerSchemesAsPrivileged: fn((schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
        if (app.ready) throw new Error('registerSchemesAsPrivileged na ready');
        module.protocol.privileged.push(...schemes);
      }),
      handle: fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (!app.ready) throw new Error('protocol.handle vóór ready');
        protocolHandlers.set(scheme, handler);
      }),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: fn((hook: typeof headersHook) => {
            headersHook = hook;
          }),
        },
        setPermissionRequestHandler: fn((h: typeof permissions.request) => (permissions.request = h)),
        setPermissionCheckHandler: fn((h: typeof permissions.check) => (permissions.check = h)),
        setDevicePermissionHandler: fn((h: typeof permissions.device) => (permissions.device = h)),
      },
    },
    ipcMain: {
      handle: fn((channel: string, handler: (event: unknown, input: unknown) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`kanaal ${channel} twee keer geregistreerd`);
        ipcHandlers.set(channel, handler);
      }),
    },
    dialog: {
      showErrorBox: fn((_title: string, _content: string) => {}),
      showSaveDialog: fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: fn(async () => ({ canceled: true, filePaths: [] })),
      showMessageBox: fn(async () => ({ response: 0 })),
    },
    Menu: {
      buildFromTemplate: fn((template: unknown[]) => ({ template })),
      setApplicationMenu: fn((_value?: unknown) => {}),
    },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0]!,
    },
    shell: { openPath: fn(async () => '') },
  };

  return {
    module,
    app,
    windows,
    ipcHandlers,
    protocolHandlers,
    permissions,
    headersHook: () => headersHook,
    /** A webContents the shell did not create (devtools, a stray one). */
    strayWebContents: (url: string) => new FakeWebContents(url),
    /** Calls an IPC channel as `contents` (its main frame unless `frame` says otherwise). */
    async invoke(channel: string, input: unknown, sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrame) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`geen handler voor ${channel}`);
      return (await handler({ sender, senderFrame: frame }, input)) as { ok: boolean; value?: any; error?: { code: string; message: string } };
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
