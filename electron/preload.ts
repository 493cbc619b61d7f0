// Runs sandboxed: only contextBridge and ipcRenderer, and one object of named methods.
import { contextBridge, ipcRenderer } from 'electron';
import { SHELL_CHANNELS } from '../shared/ipc/channels';
import type { ShellApi } from '../shared/ipc/shell-api';

const api = {
  getVersion: () => ipcRenderer.invoke(SHELL_CHANNELS.getVersion),
  getSettings: () => ipcRenderer.invoke(SHELL_CHANNELS.getSettings),
  updateSettings: (patch) => ipcRenderer.invoke(SHELL_CHANNELS.updateSettings, patch),
  credentialStorage: () => ipcRenderer.invoke(SHELL_CHANNELS.credentialStorage),
  print: () => ipcRenderer.invoke(SHELL_CHANNELS.print),
} satisfies ShellApi;

contextBridge.exposeInMainWorld('fillwave', api);
