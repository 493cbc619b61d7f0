// IPC channel names, apart from their schemas so the sandboxed preload bundle stays tiny.
export const SHELL_CHANNELS = {
  getVersion: 'shell:get-version',
  getSettings: 'shell:get-settings',
  updateSettings: 'shell:update-settings',
  credentialStorage: 'shell:credential-storage',
  print: 'shell:print',
} as const;

export type ShellMethod = keyof typeof SHELL_CHANNELS;
