// "Accepted" means on disk: the server and its database, traced together (strace -f), sync the
// write-ahead log before the accepted answer is written to the device's socket.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runningStoreUrl } from '../../../server/db/embedded';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { tempData } from '../../fixtures/temp-data';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
if (!hasStrace) {
  if (process.env.REQUIRE_STRACE === '1') {
    throw new Error(
      'REQUIRE_STRACE=1 but strace is not installed (Debian: apt-get install -y strace)',
    );
  }
  console.warn(
    '\n*** DURABILITY TRACE SKIPPED: strace is not installed (Debian: apt-get install -y strace); CI sets REQUIRE_STRACE=1. ***\n',
  );
}

interface Call {
  at: number;
  pid: string;
  name: string;
  args: string;
}

// strace -f -ttt -yy lines, with unfinished calls joined to their "resumed" ends; each call is
// dated at its end (a sync has happened only once it returned).
export const parseTrace = (text: string): Call[] => {
  const calls: Call[] = [];
  const open = new Map<string, { name: string; args: string }>();
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+(\d+\.\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, time, rest] = m as unknown as [string, string, string, string];
    const at = Number(time);
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    if (resumed) {
      const started = open.get(pid);
      open.delete(pid);
      if (started) calls.push({ at, pid, name: started.name, args: started.args + resumed[2] });
      continue;
    }
    const call = /^(\w+)\((.*)$/.exec(rest);
    if (!call) continue;
    if (rest.endsWith('<unfinished ...>')) open.set(pid, { name: call[1]!, args: call[2]! });
    else calls.push({ at, pid, name: call[1]!, args: call[2]! });
  }
  return calls.sort((a, b) => a.at - b.at);
};

describe.skipIf(!hasStrace)('durability, traced', () => {
  let server: ReturnType<typeof spawn> | null = null;
  let serverPid = 0;
  afterAll(() => {
    if (serverPid) {
      try {
        process.kill(serverPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // strace, the traced server and its database share a process group of their own: a test
    // that fails before it stops them leaves none running (a killed strace lets its tracee go).
    if (server?.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('syncs the write-ahead log before it answers accepted', async () => {
    const dir = tempData();
    const dataDir = path.join(dir, 'data');
    const trace = path.join(dir, 'trace.txt');
    server = spawn(
      'strace',
      [
        '-f',
        '-ttt',
        '-yy',
        '-s',
        '120',
        '-e',
        'trace=fsync,fdatasync,write,writev,sendto,sendmsg,read,recvfrom,pwrite64',
        '-o',
        trace,
        'node',
        'dist/server/main.mjs',
        '--port',
        '0',
        '--data',
        dataDir,
        '--demo',
        '20',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 150_000);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      server!.stdout!.on('data', onData);
      server!.stderr!.on('data', onData);
      server!.once('exit', () => reject(new Error(`exited:\n${out}`)));
    });
    const port = new URL(url).port;
    // server.pid holds the pid on its first line (then the process's identity, server/db/folder-lock.ts).
    serverPid = Number(readFileSync(path.join(dataDir, 'server.pid'), 'utf8').split('\n')[0]);

    const added = spawnSync(
      'node',
      ['dist/server/devices.mjs', 'add', 'Tracer', '--data', dataDir],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(added.status, added.stderr).toBe(0);
    const deviceId = /device (\S+)/.exec(added.stdout)![1]!;
    const token = /token: (\S+)/.exec(added.stdout)![1]!;
    const epoch = /epoch: (\S+)/.exec(added.stdout)![1]!;
    const db = new pg.Client(runningStoreUrl(dataDir)!);
    await db.connect();
    const operator = (await db.query("SELECT id FROM operators WHERE role = 'picker' LIMIT 1"))
      .rows[0].id as string;
    const stock = (await db.query('SELECT location_id, sku_id FROM stock LIMIT 1')).rows[0] as {
      location_id: string;
      sku_id: string;
    };
    await db.end();

    const response = await fetch(`${url}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: randomUUID(),
            epoch,
            seq: 1,
            type: 'location.counted',
            deviceId,
            operatorId: operator,
            at: new Date().toISOString(),
            payload: { locationId: stock.location_id, skuId: stock.sku_id, qty: 7 },
          },
        ],
      }),
    });
    const { results } = PushResponseSchema.parse(await response.json());
    expect(results[0]!.status).toBe('accepted');

    // Stop the traced server itself (strace stops with its last tracee).
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(serverPid, 'SIGTERM');
    await exited;

    const calls = parseTrace(readFileSync(trace, 'utf8'));
    const onServerSocket = (c: Call) => new RegExp(`TCP:\\[[^\\]]*:${port}->`).test(c.args);
    const request = calls.find(
      (c) =>
        /^(read|recvfrom)$/.test(c.name) &&
        onServerSocket(c) &&
        c.args.includes('POST /api/v1/push'),
    );
    expect(request, 'the push request read from the socket').toBeDefined();
    const answer = calls.find(
      (c) =>
        c.at >= request!.at &&
        /^(write|writev|sendto|sendmsg)$/.test(c.name) &&
        onServerSocket(c) &&
        c.args.includes('HTTP/1.1 200'),
    );
    expect(answer, 'the accepted answer written to the socket').toBeDefined();
    const walSyncs = calls.filter(
      (c) =>
        /^(fsync|fdatasync)$/.test(c.name) &&
        c.args.includes('/pg_wal/') &&
        /\)\s+=\s+0/.test(c.args) &&
        c.at > request!.at &&
        c.at < answer!.at,
    );
    expect(
      walSyncs.length,
      'a write-ahead log sync between the request and the answer',
    ).toBeGreaterThan(0);
    // And the log was written by the same commit before it was synced.
    const walWrite = calls.find(
      (c) =>
        c.name === 'pwrite64' &&
        c.args.includes('/pg_wal/') &&
        c.at > request!.at &&
        c.at < walSyncs[0]!.at,
    );
    expect(walWrite).toBeDefined();
  }, 300_000);
});
