import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { storePaths } from './embedded';

// A consistent copy of a running embedded store, made as pg_basebackup does (the package ships
// no pg_basebackup or pg_dump): PostgreSQL's backup API marks the start and the end, the files
// are copied in between while the server keeps working, and the write-ahead log from start to
// end (held by a temporary replication slot) goes with them. The result is itself a data
// folder: started, it replays that log to the end of the backup and is whole.

// Rebuilt by the server at start; copying them would be wrong or pointless.
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'fillwave-ready']);
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);

const syncFile = (file: string) => {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const copyTree = (from: string, to: string, top: boolean): number => {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) mkdirSync(target, { recursive: true, mode: 0o700 });
      else files += copyTree(source, target, false);
    } else if (entry.isFile() && !(top && SKIP_FILES.has(entry.name))) {
      try {
        copyFileSync(source, target);
        syncFile(target);
        files++;
      } catch (error) {
        // A file the server dropped while we copied (a dropped table): the log replays that.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return files;
};

const WAL_SEGMENT = /^[0-9A-F]{24}$/;

export const backupRunningStore = async (
  storeUrl: string,
  dataDir: string,
  to: string,
): Promise<{ files: number; walSegments: number }> => {
  const paths = storePaths(dataDir);
  if (existsSync(to) && readdirSync(to).length > 0) {
    throw new Error(`${to} is not empty: name a new folder for the backup`);
  }
  const cluster = path.join(to, 'postgres');
  const client = new pg.Client({ connectionString: storeUrl.replace(/\/[^/]*$/, '/postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const slot = `fillwave_backup_${randomBytes(4).toString('hex')}`;
    // Holds every write-ahead log segment from here on until this session ends.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
    await client.query("SELECT pg_backup_start('fillwave backup', true)");
    let files: number;
    try {
      mkdirSync(to, { recursive: true });
      files = copyTree(paths.cluster, cluster, true);
    } catch (error) {
      await client.query('SELECT pg_backup_stop(false)').catch(() => undefined);
      throw error;
    }
    const stop = await client.query<{ labelfile: string; spcmapfile: string | null }>(
      'SELECT labelfile, spcmapfile FROM pg_backup_stop(true)',
    );
    writeFileSync(path.join(cluster, 'backup_label'), stop.rows[0]!.labelfile, { mode: 0o600 });
    if (stop.rows[0]!.spcmapfile) {
      writeFileSync(path.join(cluster, 'tablespace_map'), stop.rows[0]!.spcmapfile, {
        mode: 0o600,
      });
    }
    syncFile(path.join(cluster, 'backup_label'));
    // The log from the backup's start to its end (and a little after): with it the copy
    // replays to a consistent state without any archive.
    const walFrom = path.join(paths.cluster, 'pg_wal');
    let walSegments = 0;
    for (const name of readdirSync(walFrom).sort()) {
      if (!WAL_SEGMENT.test(name) || !statSync(path.join(walFrom, name)).isFile()) continue;
      copyFileSync(path.join(walFrom, name), path.join(cluster, 'pg_wal', name));
      syncFile(path.join(cluster, 'pg_wal', name));
      walSegments++;
    }
    // The password goes with the cluster it opens, readable by its owner only.
    copyFileSync(paths.password, path.join(to, 'postgres.password'));
    syncFile(path.join(to, 'postgres.password'));
    writeFileSync(path.join(cluster, 'fillwave-ready'), 'restored from a backup\n');
    return { files, walSegments };
  } finally {
    await client.end();
  }
};
