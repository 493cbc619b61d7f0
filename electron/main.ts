// Wiring only: each piece lives in its own module and is unit-tested without Electron.
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_ORIGIN, APP_SCHEME } from '../shared/config';
import type { Settings } from '../shared/ipc/settings';
import { contentSecurityPolicy } from '../shared/security/csp';
import { createApiForwarder } from './api-forward';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { startEmbeddedServer } from './embedded-server';
import { printContents } from './ipc/print';
import { registerShellIpc } from './ipc/register';
import { guardNavigation } from './navigation';
import { denyPermissionsByDefault } from './permissions';
import { serverOrigin } from './server-origin';
import { settingsFile } from './settings-file';
import { createSettingsStore, credentialStorage } from './settings-store';
import { windowOptions } from './window-options';

const log = (line: string) => console.log(`[fillwave] ${line}`);
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Must run before the app is ready: the scheme's privileges are fixed at start.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;
let stopServer: (() => Promise<void>) | null = null;

const start = async (): Promise<void> => {
  const settings = createSettingsStore(
    settingsFile(path.join(app.getPath('userData'), 'settings.json')),
    safeStorage,
  );
  const current = await settings.get();
  let embeddedUrl: string | null = null;
  // Where app://fillwave/api/* goes: the configured server, else this station's own.
  const targetOf = (settings: Settings) =>
    settings.serverUrl || !embeddedUrl ? serverOrigin(settings) : embeddedUrl;
  if (!current.serverUrl) {
    // No server configured: this station runs its own.
    const embedded = await startEmbeddedServer({
      userData: app.getPath('userData'),
      rendererDir,
      version: app.getVersion(),
      port: process.env.PORT ? Number(process.env.PORT) : undefined,
    });
    stopServer = embedded.close;
    embeddedUrl = embedded.url;
    log(`embedded server listening on ${embedded.url}`);
  }

  let connectTo = targetOf(current);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: rendererDir,
      readFile: (file) => fs.readFile(file),
      // One origin: the window's API calls go to app://fillwave/api/*, forwarded to the server.
      csp: () => contentSecurityPolicy(),
      forwardApi: createApiForwarder({
        target: () => connectTo,
        fetch: (url, init) => net.fetch(url, init),
      }),
    }),
  );
  denyPermissionsByDefault(session.defaultSession);
  registerShellIpc(ipcMain, {
    getVersion: async () => app.getVersion(),
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const saved = await settings.update(patch);
      if (saved.ok) connectTo = targetOf(saved.value);
      return saved;
    },
    credentialStorage: async () => credentialStorage(safeStorage),
    // The one window: the handler already refused any caller but its top frame.
    print: () => printContents(mainWindow?.webContents ?? null),
  });

  const window = new BrowserWindow(windowOptions(preloadPath));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  await window.loadURL(`${APP_ORIGIN}/`);
};

// One instance per station: a second one would open the same database beside the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, log));
  app.on('window-all-closed', () => app.quit());
  // Hold the quit until the server has closed and stopped its database (a fast shutdown, so
  // the next start needs no recovery; a postmaster left by a crash is stopped at that start).
  let quitting = false;
  app.on('will-quit', (event) => {
    if (!stopServer || quitting) return;
    event.preventDefault();
    quitting = true;
    stopServer().finally(() => app.exit(0));
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
