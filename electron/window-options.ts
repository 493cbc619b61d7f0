import type { BrowserWindowConstructorOptions } from 'electron';

// The Electron security checklist, item by item: the page gets no Node, runs in Chromium's
// sandbox, and sees the preload's API only through context isolation.
export const windowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 800,
  minWidth: 360,
  minHeight: 560,
  show: false,
  title: 'Fillwave',
  backgroundColor: '#0f1720',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  },
});
