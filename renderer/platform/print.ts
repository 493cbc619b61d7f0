import type { PrintOutcome, ShellApi } from '../../shared/ipc/shell-api';
import { fail, ok, type Result } from '../../shared/result';
import { desktopShell } from './shell';

// 'dialog-closed': the browser's print dialog closed, and a browser does not say whether it
// printed; the desktop shell does ('printed' or 'cancelled').
export type PrintResult = Result<PrintOutcome | 'dialog-closed'>;

// Prints the page as its print CSS lays it out (renderer/print/PrintSheet.tsx): through the
// desktop shell's print dialog in Electron, the browser's own (window.print) elsewhere.
export const printDocument = async (
  shell: ShellApi | null = desktopShell(),
  browserPrint: () => void = () => window.print(),
): Promise<PrintResult> => {
  if (!shell) {
    browserPrint();
    return ok('dialog-closed');
  }
  try {
    return await shell.print();
  } catch (error) {
    // The shell refused the call (an IPC rejection): say so rather than lose it.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`Could not print: ${reason}`);
  }
};
