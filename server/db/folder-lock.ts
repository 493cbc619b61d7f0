import { spawnSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

// One server per data folder: server.pid names the process that holds it. Two servers on one
// folder would stop each other's database (a leftover postmaster is stopped at start) and the
// second's demo would land in the first's store, so the second is refused at once, by name.

export class FolderHeldError extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `Another Fillwave server (pid ${pid}) is using ${shownFolder(dataDir)}. Stop it first, or start this one with --data OTHER_FOLDER.`,
    );
  }
}

// The folder as the person typed it, when it is under the current one (".fillwave-data").
const shownFolder = (dataDir: string): string => {
  const relative = path.relative(process.cwd(), dataDir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dataDir;
};

// Whether a process with this pid runs (one of another user's counts: EPERM).
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// Which process a pid is, beyond its number: on Linux the boot and the start time since boot,
// so a pid reused after a crash or a reboot does not pass for the holder. Elsewhere none.
export const processIdentity = (pid: number): string | null => {
  if (process.platform !== 'linux') return null;
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[19];
    return startTicks ? `${boot}:${startTicks}` : null;
  } catch {
    return null;
  }
};

// Without an identity (an older server.pid, another platform): the command decides.
const looksLikeFillwave = (pid: number): boolean => {
  if (process.platform === 'win32') return true;
  let command: string;
  if (process.platform === 'linux') {
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return false;
    }
  } else {
    command = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' }).stdout;
  }
  return /node|electron|fillwave|tsx/i.test(command);
};

// The live process (not this one) that holds the folder, or null: no file, a dead pid, or a
// pid that now belongs to another program.
export const liveOwner = (ownerFile: string): number | null => {
  let lines: string[];
  try {
    lines = readFileSync(ownerFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  const recorded = lines[1]?.trim();
  const now = processIdentity(pid);
  if (recorded && now) return recorded === now ? pid : null;
  return looksLikeFillwave(pid) ? pid : null;
};

// Takes the folder for this process, or throws FolderHeldError. The file appears whole or not
// at all (written aside, then linked: a link fails if the name exists), so two servers starting
// at the same moment cannot both take it; a holder that died is taken over.
export const holdFolder = (ownerFile: string, dataDir: string): void => {
  const aside = `${ownerFile}.${process.pid}.tmp`;
  const fd = openSync(aside, 'w', 0o644);
  try {
    writeFileSync(fd, `${process.pid}\n${processIdentity(process.pid) ?? ''}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(aside, ownerFile);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = liveOwner(ownerFile);
      if (owner !== null) throw new FolderHeldError(owner, dataDir);
      const mine = readFileSync(ownerFile, 'utf8').split('\n')[0]?.trim() === String(process.pid);
      if (mine) return;
      // Its holder is gone: take it over.
      rmSync(ownerFile, { force: true });
    }
    throw new Error(`could not take ${ownerFile}: another server took it meanwhile`);
  } finally {
    rmSync(aside, { force: true });
  }
};
