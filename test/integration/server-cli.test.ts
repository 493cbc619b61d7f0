// npm run server and npm run devices as a person runs them: real processes, real HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PullPageSchema } from '../../shared/sync-api/pull';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const countLines = async (url: string, token: string): Promise<number> => {
  let lines = 0;
  let checkpoint = '';
  for (let i = 0; i < 100; i++) {
    const res = await fetch(
      `${url}/api/v1/pull?limit=5000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const page = PullPageSchema.parse(await res.json());
    lines += page.changes.filter((c) => c.entity === 'backorderLine').length;
    checkpoint = page.checkpoint;
    if (!page.hasMore) return lines;
  }
  throw new Error('pull did not end');
};

describe('npm run server', () => {
  it('seeds the demo, prints a device token once, and keeps everything in its data folder across restarts', async () => {
    const data = tempData();
    running = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      data,
      '--demo',
      '300',
    ]);
    const out = running.output();
    expect(out).toMatch(/^seeded 300 backorder lines, \d+ SKUs, \d+ locations$/m);
    const token = /token: (fwd\.\S+)/.exec(out)![1]!;
    expect(await countLines(running.url, token)).toBe(300);
    await running.stop();

    running = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      data,
    ]);
    expect(running.output()).not.toContain('token');
    expect(await countLines(running.url, token)).toBe(300);
  });

  it('refuses to seed a database that already has lines', async () => {
    const data = tempData();
    running = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      data,
      '--demo',
      '20',
    ]);
    await running.stop();
    running = undefined;
    const again = spawnSync(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', data, '--demo', '20'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      '--demo needs an empty database; this one has 20 backorder lines',
    );
  });
});

describe('npm run server -- --time-zone', () => {
  const ADMIN = 'time-zone-admin-token-0123456789';
  it("sets the warehouse's time zone at start, which devices then pull; refuses one it does not know", async () => {
    const data = tempData();
    running = await spawnUntilListening(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', data, '--time-zone', 'Asia/Tokyo'],
      { env: { FILLWAVE_ADMIN_TOKEN: ADMIN } },
    );
    const zone = await fetch(`${running.url}/api/v1/admin/time-zone`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(await zone.json()).toEqual({ timeZone: 'Asia/Tokyo' });
    await running.stop();
    running = undefined;
    const wrong = spawnSync(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', data, '--time-zone', 'Mars/Olympus_Mons'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(
      '--time-zone: "Mars/Olympus_Mons" is not a time zone name this server knows',
    );
  });
});

describe('npm run server -- --demo with FILLWAVE_LOG=1', () => {
  it('gives the demo token to the person on stderr, never to the JSON log on stdout', async () => {
    const child = spawn(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', tempData(), '--demo', '20'],
      { env: { ...process.env, FILLWAVE_LOG: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    try {
      await vi.waitFor(() => expect(out).toMatch(/listening on http\S+/), {
        timeout: 60_000,
        interval: 100,
      });
      const url = /listening on (http\S+)/.exec(out)![1]!;
      const token = /token: (fwd\.\S+)/.exec(err)![1]!;
      const pulled = await fetch(`${url}/api/v1/pull?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(pulled.status).toBe(200);
      await vi.waitFor(() => expect(out).toContain('request completed'), { timeout: 10_000 });
      expect(out).not.toContain(token.split('.')[2]!);
      const logLines = out
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('listening on'));
      for (const line of logLines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  }, 90_000);
});

describe('npm run devices', () => {
  it('adds a device whose token the server then accepts', async () => {
    const data = tempData();
    const added = spawnSync(
      'node',
      ['dist/server/devices.mjs', 'add', 'Dock', 'scanner', '--data', data],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^device \S+ \(Dock scanner\)$/m);
    const token = /token: (fwd\.\S+)/.exec(added.stdout)![1]!;
    const listed = spawnSync('node', ['dist/server/devices.mjs', 'list', '--data', data], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(listed.stdout).toContain('Dock scanner');
    expect(listed.stdout).not.toContain(token);
    running = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      data,
    ]);
    expect(
      (await fetch(`${running.url}/api/v1/pull`, { headers: { authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
  });

  it('explains its usage when called wrongly', () => {
    const run = spawnSync('node', ['dist/server/devices.mjs', 'remove'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('usage: npm run devices -- add NAME');
  });
});
