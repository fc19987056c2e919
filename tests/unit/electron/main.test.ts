// The thin Electron main process, with `electron` mocked (its binary cannot run on the build machines):
// the window is hardened, navigation away is refused, the single-instance lock is taken, IPC is registered.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  hasLock: true,
  handlers: new Map<string, unknown>(),
  windows: [] as { options: unknown; loaded: string | null }[],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  quit: vi.fn(),
  openExternal: vi.fn(),
  permissionHandler: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
}));

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => h.hasLock,
    quit: h.quit,
    on: (event: string, fn: (...args: unknown[]) => void) => h.appEvents.set(event, fn),
    whenReady: async () => {},
    getPath: () => '/home/teller/.config/Optifluence LMS',
  },
  BrowserWindow: class {
    constructor(readonly options: unknown) {
      h.windows.push({ options, loaded: null });
    }
    once() {}
    async loadFile(file: string) {
      h.windows.at(-1)!.loaded = file;
    }
  },
  dialog: { showErrorBox: vi.fn() },
  ipcMain: {
    handle: (c: string, l: unknown) => h.handlers.set(c, l),
    removeHandler: (c: string) => h.handlers.delete(c),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof h.permissionHandler) => (h.permissionHandler = fn),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  shell: { openExternal: h.openExternal },
}));

vi.mock('../../../electron/host/coreClient', () => ({
  startCoreWorker: async () => ({ call: async () => ({ data: null }), close: async () => {} }),
}));

const main = await import('../../../electron/main');

beforeEach(() => {
  h.handlers.clear();
  h.windows.length = 0;
  h.quit.mockClear();
});

describe('the Electron main process', () => {
  it('opens a window with context isolation, the sandbox, and no Node in the page', () => {
    const prefs = main.windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('refuses navigation away from the app and new windows; https links go to the system browser', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (d: { url: string }) => { action: string } = () => ({ action: 'allow' });
    const contents = {
      on: (e: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(e, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    main.hardenContents(contents as never);
    const prevented = vi.fn();
    listeners.get('will-navigate')!({ preventDefault: prevented }, 'https://phishing.example/');
    expect(prevented).toHaveBeenCalled();
    expect(openHandler({ url: 'https://docs.example/help' })).toEqual({ action: 'deny' });
    expect(h.openExternal).toHaveBeenCalledWith('https://docs.example/help');
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('finds the ledger from --db, then LMS_DB, then the user-data folder', () => {
    const argv = process.argv;
    process.argv = ['electron', '.', '--db', '/tmp/x.sqlite'];
    expect(main.ledgerPath()).toBe('/tmp/x.sqlite');
    process.argv = ['electron', '.'];
    const env = process.env.LMS_DB;
    delete process.env.LMS_DB;
    expect(main.ledgerPath()).toBe('/home/teller/.config/Optifluence LMS/ledger.sqlite');
    process.argv = argv;
    if (env) process.env.LMS_DB = env;
  });

  it('takes the single-instance lock, registers every method over IPC, denies permission requests, loads the renderer', async () => {
    h.hasLock = true;
    await main.start();
    const { methodNames } = await import('../../../shared/contract');
    expect(h.handlers.size).toBe(methodNames.length);
    expect(h.windows).toHaveLength(1);
    expect(h.windows[0]!.loaded).toMatch(/renderer[\\/]index\.html$/);
    const decision = vi.fn();
    h.permissionHandler!(null, 'geolocation', decision);
    expect(decision).toHaveBeenCalledWith(false);
  });

  it('quits when another instance already runs', async () => {
    h.hasLock = false;
    await main.start();
    expect(h.quit).toHaveBeenCalled();
    expect(h.windows).toHaveLength(0);
  });
});
