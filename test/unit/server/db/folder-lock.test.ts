import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderHeldError, holdFolder, processIdentity } from '../../../../server/db/folder-lock';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fillwave-lock-'));
  dirs.push(dir);
  return { dir, owner: path.join(dir, 'server.pid') };
};

// A live process that is not this one, ended by afterEach.
const otherProcess = () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
};

const holderOf = (owner: string) => Number(readFileSync(owner, 'utf8').split('\n')[0]);

describe('the data folder lock', () => {
  it('refuses the folder while its holder lives, naming its pid and what to do', () => {
    const { dir, owner } = folder();
    const holder = otherProcess();
    writeFileSync(owner, `${holder.pid}\n${processIdentity(holder.pid!) ?? ''}\n`);
    expect(() => holdFolder(owner, dir)).toThrow(FolderHeldError);
    expect(() => holdFolder(owner, dir)).toThrow(
      `Another Fillwave server (pid ${holder.pid}) is using ${dir}. Stop it first, or start this one with --data OTHER_FOLDER.`,
    );
    expect(holderOf(owner)).toBe(holder.pid);
  });

  it('takes over a folder whose holder died', async () => {
    const { dir, owner } = folder();
    const gone = otherProcess();
    const pid = gone.pid!;
    gone.kill('SIGKILL');
    await once(gone, 'exit');
    writeFileSync(owner, `${pid}\n${processIdentity(process.pid) ?? ''}\n`);
    holdFolder(owner, dir);
    expect(holderOf(owner)).toBe(process.pid);
  });

  it.runIf(process.platform === 'linux')(
    'takes over a folder whose pid now belongs to another process (reused after a crash)',
    () => {
      const { dir, owner } = folder();
      const stranger = otherProcess();
      writeFileSync(owner, `${stranger.pid}\nanother-boot:12345\n`);
      holdFolder(owner, dir);
      expect(holderOf(owner)).toBe(process.pid);
    },
  );

  it('takes a free folder, and leaves no file aside', () => {
    const { dir, owner } = folder();
    holdFolder(owner, dir);
    expect(holderOf(owner)).toBe(process.pid);
    expect(readFileSync(owner, 'utf8').split('\n')).toHaveLength(3);
    // Taking it again is harmless: it is this process's.
    holdFolder(owner, dir);
    expect(holderOf(owner)).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['server.pid']);
  });
});
