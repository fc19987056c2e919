// The Electron main process, kept thin: the single-instance lock, a hardened window, the core in a worker
// thread, IPC registration, and an orderly shutdown. Everything it does is testable with `electron` mocked
// (tests/unit/electron/main.test.ts); the window itself cannot run on the build machines (see README).
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCoreWorker, type CoreWorkerClient } from './host/coreClient';
import { contentSecurityPolicy } from './transports/http';
import { registerIpc } from './transports/ipc';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const appUrlPrefix = pathToFileURL(join(here, '../renderer/')).href;

export function windowOptions(preload: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Optifluence LMS',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** No navigation away from the app, no new windows; http(s) links open in the system browser. */
export function hardenContents(contents: WebContents) {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appUrlPrefix)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function ledgerPath(): string {
  const flag = process.argv.indexOf('--db');
  if (flag > 0 && process.argv[flag + 1]) return process.argv[flag + 1]!;
  return process.env.LMS_DB ?? join(app.getPath('userData'), 'ledger.sqlite');
}

export async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | null = null;
  let core: CoreWorkerClient | null = null;
  let disposeIpc: (() => void) | null = null;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    }),
  );

  try {
    core = await startCoreWorker(join(here, 'coreWorker.js'), ledgerPath());
  } catch (error) {
    dialog.showErrorBox(
      'Optifluence LMS cannot open its ledger',
      error instanceof Error ? error.message : String(error),
    );
    app.quit();
    return;
  }
  disposeIpc = registerIpc(ipcMain, core, appUrlPrefix);

  window = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window?.show());
  await window.loadFile(rendererIndex);

  let isQuitting = false;
  app.on('before-quit', (event) => {
    if (isQuitting || !core) return;
    event.preventDefault();
    isQuitting = true;
    disposeIpc?.();
    void core.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

if (process.versions.electron) void start();
