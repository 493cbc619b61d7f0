// npm start: build, then open the desktop app; where Electron cannot run, say why in one line
// and serve the same app for a browser, so the station can still work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fail, ok } from '../shared/result';
import { buildAll } from './build';
import { fetchFailureReason, findElectron } from './electron-binary';

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const serverArgs = args.filter((a) => a !== '--no-build');

// An Electron that dies this soon did not open a window (no display, missing libraries).
const EARLY_EXIT_MS = 5000;

const serveForBrowser = (reason: string) => {
  console.log(
    `Electron cannot open a window here: ${reason}. Serving the app for a browser instead.`,
  );
  const server = spawn(process.execPath, ['dist/server/main.mjs', ...serverArgs], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  server.on('exit', (code) => process.exit(code ?? 1));
};

if (!noBuild) await buildAll();

const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const found = findElectron(electronDir, process.env, {
  exists: existsSync,
  read: (file) => readFileSync(file, 'utf8'),
  fetch: () => {
    const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
      encoding: 'utf8',
      timeout: 10 * 60 * 1000,
    });
    return run.status === 0
      ? ok(undefined)
      : fail(fetchFailureReason(`${run.stderr}\n${run.stdout}`));
  },
});

if (!found.ok) {
  serveForBrowser(found.reason);
} else {
  const startedAt = Date.now();
  const electron = spawn(found.value, ['.'], { stdio: 'inherit' });
  electron.on('error', (error) => serveForBrowser(`Electron did not start (${error.message})`));
  electron.on('exit', (code) => {
    if (code !== 0 && Date.now() - startedAt < EARLY_EXIT_MS) {
      serveForBrowser(`Electron exited at once with code ${code}`);
    } else {
      process.exit(code ?? 0);
    }
  });
}
