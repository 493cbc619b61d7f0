// The demo as a new user starts it beside a server that already runs: one server per data
// folder, refused at once by name, and nothing of the first touched.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PullPageSchema } from '../../shared/sync-api/pull';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

const server = async (args: string[]) => {
  const started = await spawnUntilListening('node', ['dist/server/main.mjs', ...args]);
  running.push(started);
  return started;
};

// Bounded: a second server that spun instead of exiting would fail here, not hang the run.
const runToEnd = (args: string[]) =>
  spawnSync('node', ['dist/server/main.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

const lineCount = async (url: string, token: string): Promise<number> => {
  const res = await fetch(`${url}/api/v1/pull?limit=5000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = PullPageSchema.parse(await res.json());
  expect(page.hasMore).toBe(false);
  return page.changes.filter((c) => c.entity === 'backorderLine').length;
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('one server per data folder', () => {
  it('refuses a second server with --demo on a folder a live one holds, naming the holder and the fix, and leaves its data as it was', async () => {
    const data = tempData();
    const first = await server(['--port', '0', '--data', data, '--demo', '30']);
    const token = /token: (fwd\.\S+)/.exec(first.output())![1]!;
    const holder = Number(readFileSync(path.join(data, 'server.pid'), 'utf8').split('\n')[0]);
    expect(holder).toBe(first.child.pid);

    const second = runToEnd(['--port', '0', '--data', data, '--demo', '50']);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      `Another Fillwave server (pid ${holder}) is using ${data}. Stop it first, or start this one with --data OTHER_FOLDER.`,
    );
    expect(second.stderr).not.toContain('seeded');
    expect(second.pid && alive(second.pid)).toBe(false);
    // The first still serves its own demo, whole.
    expect(await lineCount(first.url, token)).toBe(30);
    expect(readFileSync(path.join(data, 'server.pid'), 'utf8').split('\n')[0]).toBe(String(holder));
  }, 120_000);

  it('seeds no demo when the port is taken: the second exits before its folder is touched', async () => {
    const first = await server(['--port', '0', '--data', tempData()]);
    const port = new URL(first.url).port;
    const other = tempData();
    const second = runToEnd(['--port', port, '--data', other, '--demo', '20']);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is taken`);
    expect(existsSync(path.join(other, 'postgres'))).toBe(false);
    expect(existsSync(path.join(other, 'server.pid'))).toBe(false);
    expect((await fetch(`${first.url}/api/v1/health`)).status).toBe(200);
  }, 120_000);
});
