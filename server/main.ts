// `npm run server`: reads arguments and starts the server. Prints one line when ready:
// `listening on http://HOST:PORT`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseServerArgs } from './config';
import { startServer } from './start';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
).version;

function die(line: string): never {
  console.error(`fillwave server: ${line}`);
  process.exit(1);
}

const parsed = parseServerArgs(process.argv.slice(2), process.env, {
  appDir: path.join(root, 'dist', 'renderer'),
  dataDir: path.resolve('.fillwave-data'),
});
if (!parsed.ok) die(parsed.reason);
const config = parsed.value;
if (!existsSync(path.join(config.appDir, 'index.html'))) {
  die(`the app is not built in ${config.appDir}: run "npm run build" first`);
}

const server = await startServer(config, {
  version,
  logStream: config.log ? process.stdout : undefined,
  // To the person at the terminal (stderr), never into the JSON log on stdout: the demo token
  // is among these lines.
  say: (line) => console.error(line),
}).catch((error: Error) => die(error.message));
console.log(`listening on ${server.url}`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
