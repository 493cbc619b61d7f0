import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnUntilListening } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a server a test starts', () => {
  it('leaves no process behind when stopped, even a grandchild its child started', async () => {
    const pidFile = path.join(tempData(), 'grandchild.pid');
    // sh starts a long sleep and waits on it, as npx -> tsx -> node -> server does: a SIGTERM to
    // sh alone would leave the sleep running.
    const running = await spawnUntilListening('sh', [
      '-c',
      `sleep 300 & echo $! > '${pidFile}'; echo "listening on http://127.0.0.1:1"; wait`,
    ]);
    const grandchild = Number(readFileSync(pidFile, 'utf8').trim());
    expect(alive(grandchild)).toBe(true);
    await running.stop();
    expect(alive(grandchild)).toBe(false);
    expect(alive(running.child.pid!)).toBe(false);
  });
});
