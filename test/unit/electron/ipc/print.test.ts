import { describe, expect, it, vi } from 'vitest';
import { printContents, type PrintableContents } from '../../../../electron/ipc/print';
import {
  registerShellIpc,
  type InvokeEvent,
  type ShellHandlers,
} from '../../../../electron/ipc/register';
import { SHELL_CHANNELS } from '../../../../shared/ipc/channels';

// A window's contents whose print dialog ends as `success` and `failureReason` say.
const contentsEnding = (success: boolean, failureReason = '') => {
  const calls: unknown[] = [];
  const contents: PrintableContents = {
    isDestroyed: () => false,
    print: (options, callback) => {
      calls.push(options);
      callback(success, failureReason);
    },
  };
  return { contents, calls };
};

describe('printContents', () => {
  it('opens the system print dialog (never silent) without screen backgrounds', async () => {
    const { contents, calls } = contentsEnding(true);
    await expect(printContents(contents)).resolves.toEqual({ ok: true, value: 'printed' });
    expect(calls).toEqual([{ silent: false, printBackground: false }]);
  });

  it('tells a cancelled dialog from a failed print, in either of Electron’s words', async () => {
    for (const reason of ['cancelled', 'Print job canceled'])
      await expect(printContents(contentsEnding(false, reason).contents)).resolves.toEqual({
        ok: true,
        value: 'cancelled',
      });
    await expect(
      printContents(contentsEnding(false, 'Print job failed').contents),
    ).resolves.toEqual({
      ok: false,
      reason: 'The printer did not print: Print job failed. Check the printer and print again.',
    });
  });

  it('answers a refusal rather than throwing when print() throws', async () => {
    const contents: PrintableContents = {
      isDestroyed: () => false,
      print: () => {
        throw new Error('Invalid printer settings');
      },
    };
    await expect(printContents(contents)).resolves.toEqual({
      ok: false,
      reason:
        'The printer did not print: Invalid printer settings. Check the printer and print again.',
    });
  });

  it('prints nothing when the window is gone', async () => {
    const print = vi.fn();
    await expect(printContents({ isDestroyed: () => true, print })).resolves.toEqual({
      ok: false,
      reason: 'Nothing to print: the window is closed.',
    });
    await expect(printContents(null)).resolves.toMatchObject({ ok: false });
    expect(print).not.toHaveBeenCalled();
  });
});

describe('the print channel', () => {
  const setup = () => {
    const registered = new Map<string, (e: InvokeEvent, ...a: unknown[]) => Promise<unknown>>();
    const { contents, calls } = contentsEnding(true);
    const handlers: ShellHandlers = {
      getVersion: async () => '1',
      getSettings: async () => ({ serverUrl: null, deviceToken: null }),
      updateSettings: async () => ({ ok: false, reason: 'unused' }),
      credentialStorage: async () => 'keyring' as const,
      print: () => printContents(contents),
    };
    registerShellIpc({ handle: (channel, fn) => registered.set(channel, fn) }, handlers);
    const print = (frame: InvokeEvent['senderFrame'], ...args: unknown[]) =>
      registered.get(SHELL_CHANNELS.print)!({ senderFrame: frame }, ...args);
    return { print, calls };
  };

  it('prints for the app’s own window', async () => {
    const { print, calls } = setup();
    await expect(print({ url: 'app://fillwave/#/pack' })).resolves.toEqual({
      ok: true,
      value: 'printed',
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses a foreign page, a sub-frame and any argument, and prints nothing', async () => {
    const { print, calls } = setup();
    await expect(print({ url: 'https://evil.example/' })).rejects.toThrow(
      'Refused print: the call came from https://evil.example/, not the Fillwave app.',
    );
    await expect(print({ url: 'app://fillwave/', parent: {} })).rejects.toThrow(/sub-frame/);
    await expect(print({ url: 'app://fillwave/' }, { silent: true })).rejects.toThrow(
      /Refused print/,
    );
    expect(calls).toEqual([]);
  });
});
