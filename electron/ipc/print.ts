import type { PrintOutcome } from '../../shared/ipc/shell-api';
import { fail, ok, type Result } from '../../shared/result';

// The one call of Electron's WebContents that printing makes, so it runs in tests with a fake.
export interface PrintableContents {
  isDestroyed(): boolean;
  print(
    options: { silent: boolean; printBackground: boolean },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

// Prints the window's contents as its print CSS lays them out. Not silent: the person picks the
// printer and the copies in the system dialog, so nothing prints on a printer nobody chose.
// No backgrounds: the slip is black on white, whatever the screen's colours.
export const printContents = (
  contents: PrintableContents | null,
): Promise<Result<PrintOutcome>> => {
  if (!contents || contents.isDestroyed())
    return Promise.resolve(fail('Nothing to print: the window is closed.'));
  return new Promise((resolve) => {
    try {
      contents.print({ silent: false, printBackground: false }, (success, failureReason) => {
        if (success) resolve(ok('printed'));
        // Electron says "cancelled" on some systems and "Print job canceled" on others.
        else if (/cancel/i.test(failureReason)) resolve(ok('cancelled'));
        else
          resolve(
            fail(
              `The printer did not print: ${failureReason || 'no reason given'}. Check the printer and print again.`,
            ),
          );
      });
    } catch (error) {
      // print() throws on settings it cannot use (a page size below the printer's minimum).
      const reason = error instanceof Error ? error.message : String(error);
      resolve(fail(`The printer did not print: ${reason}. Check the printer and print again.`));
    }
  });
};
