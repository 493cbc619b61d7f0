// A server restored from a cold copy of its data folder, with devices that worked on since the
// copy: the devices notice (410 on pull, 409 on push), push again what the server lost, and end
// with every event they still hold applied once and the same rows as the server. Store-agnostic:
// the real server process over its data folder, stopped, copied, restarted on the same port.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITY_TABLE_NAMES } from '../../../renderer/db/entity-tables';
import { FillwaveDb } from '../../../renderer/db/fillwave-db';
import { createSyncApi } from '../../../renderer/sync/api';
import { syncUntilCalm, type SyncRound } from '../../../renderer/sync/engine';
import { enroll } from '../../../renderer/sync/enroll';
import { recordAction } from '../../../renderer/sync/outbox';
import { push } from '../../../renderer/sync/push';
import { computePendingView, forgetPendingView } from '../../../renderer/sync/pending-view';
import { KEYS, readState, type DeviceIdentity } from '../../../renderer/sync/sync-state';
import { seededRng } from '../../../shared/random';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { EnrollResponseSchema } from '../../../shared/sync-api/enroll';
import { atServer } from '../../fixtures/device';
import { freePort } from '../../fixtures/free-port';
import { spawnServer, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

const LEAD = 'op-lead-1';
let running: Running | undefined;
afterAll(async () => {
  await running?.stop();
});

const clock = {
  now: () => new Date(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 2000))),
};
const ctx = { operatorId: LEAD, now: () => new Date(), newId: () => randomUUID() };

interface Device {
  name: string;
  db: FillwaveDb;
  // The server's address: the same after a restart on the same port.
  url: string;
}

const newDevice = async (name: string, url: string): Promise<Device> => {
  const db = new FillwaveDb(`restore-${name}-${randomUUID()}`);
  await db.open();
  const enrolled = await enroll(db, { code: '', name }, randomUUID, atServer(url));
  if (!enrolled.ok) throw new Error(enrolled.reason);
  return { name, db, url };
};

// One device's sync until calm, enrolling again (same device id, outbox kept) when the server
// no longer knows its token, as a person would from the enrollment screen.
const sync = async (d: Device): Promise<SyncRound> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const identity = (await readState<DeviceIdentity>(d.db, KEYS.identity))!;
    let rounds = 0;
    const round = await syncUntilCalm(d.db, createSyncApi(identity.token, atServer(d.url)), clock, {
      random: seededRng(7),
      shouldStop: () => ++rounds > 40,
    });
    if (round.ok || round.outcome.kind !== 'unauthorized') return round;
    const again = await enroll(d.db, { code: '', name: d.name }, randomUUID, atServer(d.url));
    if (!again.ok) throw new Error(again.reason);
  }
  throw new Error(`${d.name} could not enroll again`);
};

// Open lines with nothing allocated: free to hold, whatever the demo data did with the rest.
const freeLines = async (d: Device, n: number) =>
  (await d.db.backorderLines.where('status').equals('open').toArray())
    .filter((l) => l.qtyAllocated === 0)
    .map((l) => l.id)
    .slice(0, n);

const hold = async (d: Device, lineIds: readonly string[]) => {
  for (const id of lineIds) {
    const r = await recordAction(
      d.db,
      'backorder-line.held',
      { backorderLineId: id, reason: 'restore test' },
      ctx,
    );
    if (!r.ok) throw new Error(r.reason);
  }
};
const release = async (d: Device, lineIds: readonly string[]) => {
  for (const id of lineIds) {
    const r = await recordAction(d.db, 'backorder-line.released', { backorderLineId: id }, ctx);
    if (!r.ok) throw new Error(r.reason);
  }
};

// Every event the device still holds: waiting, accepted, or kept after sending.
const heldEventIds = async (d: Device) => [
  ...(await d.db.outbox.toArray()).map((e) => e.id),
  ...(await d.db.sent.toArray()).map((e) => e.id),
];

const tables = async (db: FillwaveDb) => {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of ENTITY_TABLE_NAMES) {
    const rows = (await db.table(name).toArray()) as { id: string }[];
    out[name] = Object.fromEntries(rows.map((r) => [r.id, JSON.parse(JSON.stringify(r))]));
  }
  return out;
};

// The real server over one data folder on one port (so its URL outlives a restart), and the two
// moves of a restore: a cold copy of the stopped server's folder, and the folder replaced by it.
const serverOnFolder = async (demoLines: number) => {
  const port = await freePort();
  const data = tempData();
  const backup = tempData();
  const start = async (demo: boolean) => {
    running = await spawnServer(port, data, {
      demo: demo ? demoLines : undefined,
      timeoutMs: 180_000,
    });
    return running.url;
  };
  const stop = async () => {
    await running!.stop();
    running = undefined;
  };
  return {
    start,
    stop,
    backUp: async () => {
      await stop();
      cpSync(data, backup, { recursive: true });
      return start(false);
    },
    restore: async () => {
      await stop();
      rmSync(data, { recursive: true, force: true });
      cpSync(backup, data, { recursive: true });
      return start(false);
    },
  };
};

describe('a server restored from a backup', () => {
  it('is noticed by every device, which pushes again what it lost: each event applied once, devices and server row for row', async () => {
    const host = await serverOnFolder(300);

    let url = await host.start(true);
    const a = await newDevice('device A', url);
    expect(await sync(a)).toEqual({ ok: true });

    // The backup: a cold copy of the stopped server's folder.
    url = await host.backUp();

    // Device B is enrolled after the backup: the restored server will not know its token.
    const b = await newDevice('device B', url);
    expect(await sync(b)).toEqual({ ok: true });
    const open = await freeLines(a, 40);
    expect(open).toHaveLength(40);

    // Work on both devices, synced: accepted, pulled back, kept in `sent`.
    await hold(a, open.slice(0, 10));
    expect(await sync(a)).toEqual({ ok: true });
    await hold(a, open.slice(10, 15));
    expect(await sync(a)).toEqual({ ok: true });
    await hold(b, open.slice(15, 25));
    expect(await sync(b)).toEqual({ ok: true });
    expect(await a.db.sent.count()).toBe(15);
    expect(await b.db.sent.count()).toBe(10);

    // 5,000 more server transactions (each pushed event is one), from a third device.
    const enrolled = await fetch(`${url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'busy device' }),
    });
    const c = EnrollResponseSchema.parse(await enrolled.json());
    const busyLine = open[39]!;
    for (let batch = 0; batch < 10; batch++) {
      const events = Array.from({ length: 500 }, (_, i) => {
        const seq = batch * 500 + i + 1;
        return {
          id: randomUUID(),
          epoch: c.epoch,
          seq,
          type: seq % 2 === 1 ? 'backorder-line.held' : 'backorder-line.released',
          deviceId: c.deviceId,
          operatorId: LEAD,
          at: new Date().toISOString(),
          payload:
            seq % 2 === 1
              ? { backorderLineId: busyLine, reason: 'busy' }
              : { backorderLineId: busyLine },
        };
      });
      const res = await fetch(`${url}/api/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ events }),
      });
      expect(res.status).toBe(200);
      const { results } = PushResponseSchema.parse(await res.json());
      expect(results.every((r) => r.status === 'accepted')).toBe(true);
    }
    // A pulls after them (its checkpoint is far past the backup); B does not.
    expect(await sync(a)).toEqual({ ok: true });

    // Work done offline, not yet pushed, on both.
    await hold(a, open.slice(25, 30));
    await release(b, open.slice(15, 18));
    await hold(b, open.slice(30, 33));
    const held = [...(await heldEventIds(a)), ...(await heldEventIds(b))];
    expect(held).toHaveLength(15 + 5 + 10 + 6);

    // The restore: the folder replaced by the copy, the server back on the same port.
    url = await host.restore();

    // Reconnect, then once more each so that each has pulled what the other pushed.
    for (const d of [a, b, a, b]) expect(await sync(d), d.name).toEqual({ ok: true });

    // The server's state, as a new device pulls it from the start.
    const fresh = await newDevice('fresh device', url);
    expect(await sync(fresh)).toEqual({ ok: true });
    const serverEvents = await fresh.db.events.toArray();
    const ids = new Map<string, number>();
    for (const e of serverEvents) ids.set(e.id, (ids.get(e.id) ?? 0) + 1);
    for (const id of held) expect(ids.get(id), `event ${id}`).toBe(1);

    const status = new Map((await fresh.db.backorderLines.toArray()).map((l) => [l.id, l.status]));
    const expected = (from: number, to: number, s: string) =>
      open.slice(from, to).map((id) => [id, s]);
    expect(open.slice(0, 33).map((id) => [id, status.get(id)])).toEqual([
      ...expected(0, 15, 'held'),
      ...expected(15, 18, 'open'),
      ...expected(18, 25, 'held'),
      ...expected(25, 33, 'held'),
    ]);
    // The busy device's toggles were lost with the restore, and no device held them.
    expect(status.get(busyLine)).toBe('open');

    const server = await tables(fresh.db);
    for (const d of [a, b]) {
      expect(await d.db.outbox.count(), d.name).toBe(0);
      expect(await tables(d.db), d.name).toEqual(server);
      forgetPendingView(d.db);
      expect((await computePendingView(d.db)).changes.size, d.name).toBe(0);
    }
    await host.stop();
  }, 600_000);

  it('is noticed on push when the checkpoint still holds: events accepted after the backup, not yet pulled, are pushed again', async () => {
    const host = await serverOnFolder(100);
    let url = await host.start(true);
    const d = await newDevice('device D', url);
    expect(await sync(d)).toEqual({ ok: true });
    const open = await freeLines(d, 12);
    await hold(d, open.slice(0, 5));
    expect(await sync(d)).toEqual({ ok: true });
    await host.backUp(); // same port, so the same URL

    // Accepted by the server, but the pull that would bring them back never ran.
    await hold(d, open.slice(5, 10));
    const identity = (await readState<DeviceIdentity>(d.db, KEYS.identity))!;
    const pushed = await push(d.db, createSyncApi(identity.token, atServer(d.url)), {
      now: () => new Date(),
    });
    expect(pushed).toEqual({ kind: 'done', sent: 5 });
    await hold(d, open.slice(10, 12));
    const held = await heldEventIds(d);
    expect(held).toHaveLength(12);

    url = await host.restore();

    // Its checkpoint names a change from before the backup: a pull alone would not notice.
    const checkpoint = await readState<string>(d.db, KEYS.checkpoint);
    const probe = await fetch(`${url}/api/v1/pull?checkpoint=${encodeURIComponent(checkpoint!)}`, {
      headers: { authorization: `Bearer ${identity.token}` },
    });
    expect(probe.status).toBe(200);
    expect(await sync(d)).toEqual({ ok: true });

    const fresh = await newDevice('fresh device', url);
    expect(await sync(fresh)).toEqual({ ok: true });
    const ids = new Set((await fresh.db.events.toArray()).map((e) => e.id));
    for (const id of held) expect(ids.has(id), `event ${id}`).toBe(true);
    const status = new Map((await fresh.db.backorderLines.toArray()).map((l) => [l.id, l.status]));
    expect(open.map((id) => status.get(id))).toEqual(open.map(() => 'held'));
    expect(await d.db.outbox.count()).toBe(0);
    expect(await tables(d.db)).toEqual(await tables(fresh.db));
    await host.stop();
  }, 600_000);
});
