// Reads arguments, builds the server and listens. Prints one line when ready.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { parseServerArgs } from './config';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const version = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
).version;

function die(line: string): never {
  console.error(`fillwave server: ${line}`);
  process.exit(1);
}

const config = parseServerArgs(process.argv.slice(2), process.env, {
  appDir: path.join(root, 'dist', 'renderer'),
});
if (!config.ok) die(config.reason);
const { port, host, appDir } = config.value;

if (!existsSync(path.join(appDir, 'index.html'))) {
  die(`the app is not built in ${appDir}: run "npm run build" first`);
}

const app = await buildServer({ appDir, version, logger: process.env.FILLWAVE_LOG === '1' });
try {
  await app.listen({ port, host });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    die(`port ${port} on ${host} is taken (another Fillwave?); choose another with --port or PORT`);
  }
  die(`could not listen on ${host}:${port}: ${(error as Error).message}`);
}
const address = app.server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
console.log(`listening on http://${host}:${actualPort}`);

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
