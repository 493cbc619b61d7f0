import { describe, expect, it, vi } from 'vitest';
import { printDocument } from '../../../../renderer/platform/print';
import type { ShellApi } from '../../../../shared/ipc/shell-api';

const shellPrinting = (print: ShellApi['print']): ShellApi => ({
  getVersion: async () => '1',
  getSettings: async () => ({ serverUrl: null, deviceToken: null }),
  updateSettings: async () => ({ ok: false, reason: 'unused' }),
  credentialStorage: async () => 'keyring',
  print,
});

describe('printDocument', () => {
  it('in the desktop app, prints through the shell and says what became of it', async () => {
    const browserPrint = vi.fn();
    const print = vi.fn(async () => ({ ok: true as const, value: 'cancelled' as const }));
    await expect(printDocument(shellPrinting(print), browserPrint)).resolves.toEqual({
      ok: true,
      value: 'cancelled',
    });
    expect(print).toHaveBeenCalledOnce();
    expect(browserPrint).not.toHaveBeenCalled();
  });

  it("in a browser, opens the browser's print dialog", async () => {
    const browserPrint = vi.fn();
    await expect(printDocument(null, browserPrint)).resolves.toEqual({
      ok: true,
      value: 'dialog-closed',
    });
    expect(browserPrint).toHaveBeenCalledOnce();
  });

  it("passes on the printer's refusal, and turns a refused call into one", async () => {
    const refusal = { ok: false as const, reason: 'The printer did not print: out of paper.' };
    await expect(
      printDocument(
        shellPrinting(async () => refusal),
        vi.fn(),
      ),
    ).resolves.toEqual(refusal);
    const rejecting = shellPrinting(async () => {
      throw new Error('Refused print: the calling frame is gone.');
    });
    await expect(printDocument(rejecting, vi.fn())).resolves.toEqual({
      ok: false,
      reason: 'Could not print: Refused print: the calling frame is gone.',
    });
  });
});
