import path from 'node:path';
import { fail, ok, type Result } from '../shared/result';

// What findElectron needs from the machine, so tests can play every case.
export interface ElectronProbe {
  exists(file: string): boolean;
  read(file: string): string;
  // Electron 45 fetches its binary on first launch, from outside the npm registry.
  fetch(): Result<void>;
}

// Where the Electron binary is, fetching it once if it is missing. The failure reason is one
// short line for `npm start` to print before it falls back to serving the app for a browser.
export const findElectron = (
  electronDir: string,
  env: Record<string, string | undefined>,
  probe: ElectronProbe,
): Result<string> => {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = () => (probe.exists(pathFile) ? probe.read(pathFile).trim() : null);

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative() ?? 'electron');
    return probe.exists(binary)
      ? ok(binary)
      : fail(`there is no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)`);
  }

  const installed = relative();
  if (installed && probe.exists(path.join(electronDir, 'dist', installed))) {
    return ok(path.join(electronDir, 'dist', installed));
  }
  const fetched = probe.fetch();
  if (!fetched.ok) return fail(`Electron's binary could not be fetched (${fetched.reason})`);
  const now = relative();
  return now && probe.exists(path.join(electronDir, 'dist', now))
    ? ok(path.join(electronDir, 'dist', now))
    : fail('Electron reported a successful fetch but its binary is still missing');
};

// The most telling line of a failed fetch: the error itself, not its stack.
export const fetchFailureReason = (output: string): string => {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  const error = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no output';
  return error.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 200);
};
