import type { ShellApi } from '../../shared/ipc/shell-api';

declare global {
  interface Window {
    // Set by electron/preload.ts in the desktop app; absent in a browser.
    fillwave?: ShellApi;
  }
}

export const desktopShell = (): ShellApi | null =>
  typeof window !== 'undefined' && window.fillwave ? window.fillwave : null;

export type ShellKind = 'desktop' | 'browser';

export const useShellKind = (): ShellKind => (desktopShell() ? 'desktop' : 'browser');
