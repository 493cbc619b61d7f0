// npm run backup -- [--data DIR] [--to FOLDER]: a consistent backup of the embedded store while
// the server runs (or of a stopped one). The backup is a data folder: README says how to restore.
import path from 'node:path';
import { backupRunningStore } from '../db/backup';
import { liveOwner, runningStoreUrl, startEmbedded, storePaths } from '../db/embedded';

const USAGE = 'usage: npm run backup -- [--data DIR] [--to NEW_FOLDER]';

function die(line: string): never {
  console.error(`fillwave backup: ${line}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) die(`--${name} needs a value; ${USAGE}`);
  args.splice(at, 2);
  return value;
};
if (process.env.DATABASE_URL) {
  die(
    'DATABASE_URL names a PostgreSQL server of your own: back it up with its pg_dump or pg_basebackup',
  );
}
const dataDir = path.resolve(flag('data') ?? process.env.FILLWAVE_DATA ?? '.fillwave-data');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const to = path.resolve(flag('to') ?? `fillwave-backup-${stamp}`);
if (args.length > 0) die(`unknown argument "${args[0]}"; ${USAGE}`);

let url = liveOwner(storePaths(dataDir).owner) ? runningStoreUrl(dataDir) : null;
let stop = async () => undefined as void;
if (!url) {
  // No server runs on this folder: start its store for the length of the backup.
  const store = await startEmbedded(dataDir).catch((error: Error) => die(error.message));
  url = store.url;
  stop = async () => {
    await store.stop();
  };
}
try {
  const done = await backupRunningStore(url, dataDir, to);
  console.log(
    `backed up ${dataDir} to ${to} (${done.files} files, ${done.walSegments} log segments)`,
  );
} catch (error) {
  await stop();
  die((error as Error).message);
}
await stop();
