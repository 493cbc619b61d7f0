// The app's sync runner (renderer/sync/runner.ts) with a fake fetch and fake timers: the wiring
// around the loop, driven as the page drives it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';
import { PROBE_MS } from '../../../../renderer/sync/loop';
import { startSyncRunner } from '../../../../renderer/sync/runner';
import { KEYS, writeState } from '../../../../renderer/sync/sync-state';

const busy = () =>
  new Response(JSON.stringify({ error: 'busy', message: 'busy' }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  });

// Polls on real timers (the fake ones move only when a test says so): IndexedDB work between
// requests takes real time, none of the fake clock's.
const realSetTimeout = globalThis.setTimeout;
const until = async (check: () => void | Promise<void>, timeoutMs = 10_000) => {
  for (const end = performance.now() + timeoutMs; ;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() > end) throw error;
      await new Promise((resolve) => realSetTimeout(resolve, 20));
    }
  }
};

let runner: ReturnType<typeof startSyncRunner> | undefined;
const calls: string[] = [];
const enrolledDb = async () => {
  const db = new FillwaveDb(`runner-${Math.random()}`);
  await db.open();
  await writeState(db, KEYS.identity, { deviceId: 'd1', token: 'fwd.d1.secret', epoch: 'e1' });
  return db;
};

beforeEach(() => {
  calls.length = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  runner?.stop();
  runner = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the sync runner', () => {
  it('runs another round when woken during one, rather than losing the wake', async () => {
    let release!: () => void;
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      if (calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return busy();
    });
    runner = startSyncRunner(await enrolledDb(), () => {});
    await until(() => expect(calls).toHaveLength(1));
    const start = Date.now();
    runner.wake(); // a person acted while the first round's pull was under way
    release();
    // No time passes on the fake clock: only the wake can start the second round.
    await until(() => expect(calls).toHaveLength(2));
    expect(Date.now()).toBe(start);
    expect(calls.every((url) => url.startsWith('/api/v1/pull'))).toBe(true);
  });

  it('probes /api/v1/health while the server gives no answer, and says when it answers', async () => {
    let up = false;
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      if (!up) throw new TypeError('fetch failed');
      return url === '/api/v1/health' ? Response.json({ ok: true, version: '0.1.0' }) : busy();
    });
    const statuses: { reachable: boolean | null }[] = [];
    runner = startSyncRunner(await enrolledDb(), (s) => statuses.push(s));
    await until(() => expect(statuses.at(-1)?.reachable).toBe(false));
    // Deep into backoff: a minute of silence.
    for (let i = 0; i < 60; i++) await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toContain('/api/v1/health');
    up = true;
    // Once the loop waits again, one probe interval of fake time is enough for it to know.
    await until(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    await vi.advanceTimersByTimeAsync(PROBE_MS);
    await until(() => expect(statuses.at(-1)?.reachable).toBe(true));
  });

  it("starts over when the browser's online event says the network is back", async () => {
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      throw new TypeError('fetch failed');
    });
    runner = startSyncRunner(await enrolledDb(), () => {});
    await until(() => expect(calls).toHaveLength(1));
    for (let i = 0; i < 120; i++) await vi.advanceTimersByTimeAsync(1000);
    const back = Date.now();
    const pulls = () => calls.filter((url) => url.startsWith('/api/v1/pull')).length;
    const before = pulls();
    window.dispatchEvent(new Event('online'));
    await until(() => expect(pulls()).toBeGreaterThan(before)); // at once: no fake time passed
    expect(Date.now()).toBe(back);
    // And the backoff starts over: once the loop waits again, the next round comes within a
    // second of fake time, not half a minute.
    await until(() => expect(vi.getTimerCount()).toBeGreaterThan(0));
    const waited = pulls();
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => expect(pulls()).toBeGreaterThan(waited));
    expect(Date.now()).toBe(back + 1000);
  });
});
