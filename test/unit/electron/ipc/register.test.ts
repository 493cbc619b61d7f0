import { describe, expect, it, vi } from 'vitest';
import {
  registerShellIpc,
  type InvokeEvent,
  type ShellHandlers,
} from '../../../../electron/ipc/register';
import { SHELL_CHANNELS } from '../../../../shared/ipc/channels';

const setup = () => {
  const registered = new Map<
    string,
    (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>
  >();
  const handlers: ShellHandlers = {
    getVersion: vi.fn(async () => '1.2.3'),
    getSettings: vi.fn(async () => ({ serverUrl: null, deviceToken: null })),
    updateSettings: vi.fn(async (patch) => ({
      ok: true,
      value: { serverUrl: null, deviceToken: null, ...patch },
    })),
    credentialStorage: vi.fn(async () => 'keyring' as const),
    print: vi.fn(async () => ({ ok: true as const, value: 'printed' as const })),
  };
  registerShellIpc({ handle: (channel, fn) => registered.set(channel, fn) }, handlers);
  const call = (channel: string, frame: InvokeEvent['senderFrame'], ...args: unknown[]) =>
    registered.get(channel)!({ senderFrame: frame }, ...args);
  return { registered, handlers, call };
};

const appFrame = { url: 'app://fillwave/#/home' };

describe('registerShellIpc', () => {
  it('registers one handler per shell method', () => {
    expect([...setup().registered.keys()].sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
  });

  it('answers the app window', async () => {
    const { call } = setup();
    await expect(call(SHELL_CHANNELS.getVersion, appFrame)).resolves.toBe('1.2.3');
  });

  it('refuses a call from a foreign page with a clear error, without running the handler', async () => {
    const { call, handlers } = setup();
    await expect(
      call(SHELL_CHANNELS.getSettings, { url: 'https://evil.example/' }),
    ).rejects.toThrow(
      'Refused getSettings: the call came from https://evil.example/, not the Fillwave app.',
    );
    expect(handlers.getSettings).not.toHaveBeenCalled();
  });

  it('refuses a call from a sub-frame of the app and from a frame that is gone', async () => {
    const { call } = setup();
    await expect(
      call(SHELL_CHANNELS.getVersion, { url: 'app://fillwave/', parent: {} }),
    ).rejects.toThrow(/sub-frame/);
    await expect(call(SHELL_CHANNELS.getVersion, null)).rejects.toThrow(/frame is gone/);
  });

  it('refuses bad arguments, naming the field, and changes nothing', async () => {
    const { call, handlers } = setup();
    await expect(
      call(SHELL_CHANNELS.updateSettings, appFrame, { serverUrl: 'ftp://x' }),
    ).rejects.toThrow(
      /Refused updateSettings: 0\.serverUrl: must be a full http:\/\/ or https:\/\/ URL/,
    );
    await expect(call(SHELL_CHANNELS.updateSettings, appFrame, { colour: 'red' })).rejects.toThrow(
      /colour/,
    );
    await expect(call(SHELL_CHANNELS.getVersion, appFrame, 'extra')).rejects.toThrow(
      /Refused getVersion/,
    );
    expect(handlers.updateSettings).not.toHaveBeenCalled();
    expect(handlers.getVersion).not.toHaveBeenCalled();
  });

  it('passes valid arguments through', async () => {
    const { call, handlers } = setup();
    await call(SHELL_CHANNELS.updateSettings, appFrame, { serverUrl: 'https://wms.example:4780' });
    expect(handlers.updateSettings).toHaveBeenCalledWith({ serverUrl: 'https://wms.example:4780' });
  });
});
