// Crash consistency: a pull and a push each interrupted at 100 random steps (inside a
// transaction, which aborts it, or between them), everything in memory dropped and the database
// reopened. Each resumes; nothing is lost or doubled.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { FillwaveDb } from '../../../renderer/db/fillwave-db';
import { syncUntilCalm } from '../../../renderer/sync/engine';
import { recordAction } from '../../../renderer/sync/outbox';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { ENTITY_NAMES } from '../../../shared/domain/entities';
import { seededRng } from '../../../shared/random';
import { deviceEntities, enrolledDevice, serverEntities } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld } from '../../fixtures/world';

class Crash extends Error {}
const ROUNDS = 100;
const registry = testRegistry();
const now = () => new Date();
const calmClock = { now, sleep: async () => undefined };

// Throws at the k-th step it sees: the crash.
const crashAt = (k: number) => {
  let n = 0;
  return (step: string) => {
    if (++n === k) throw new Crash(step);
  };
};
const countSteps = () => {
  let n = 0;
  return { step: () => void n++, total: () => n };
};

// What a crash leaves: nothing in memory, the database as it was on disk.
const reopen = async (db: FillwaveDb) => {
  db.close();
  const again = new FillwaveDb(db.name);
  await again.open();
  return again;
};

describe('crash consistency', () => {
  let t: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    server = await startTestServer(t.db, { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } });
    await seedWorld(t.db, registry, systemClock);
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('a pull interrupted at 100 random steps resumes to the server state, nothing skipped or doubled', async () => {
    const rng = seededRng(7);
    const dry = await enrolledDevice(t.db, server.url);
    const counter = countSteps();
    await pull(dry.db, dry.api, { now, step: counter.step, pageSize: 3 });
    const total = counter.total();
    expect(total).toBeGreaterThan(20);
    const truth = Object.fromEntries(
      await Promise.all(
        ENTITY_NAMES.map(async (e) => [e, Object.fromEntries(await serverEntities(t.db, e))]),
      ),
    );
    const crashedAt = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const device = await enrolledDevice(t.db, server.url);
      const k = 1 + Math.floor(rng() * total);
      const crash = crashAt(k);
      const step = (s: string) => {
        try {
          crash(s);
        } catch (error) {
          crashedAt.add(s);
          throw error;
        }
      };
      await expect(pull(device.db, device.api, { now, step, pageSize: 3 })).rejects.toBeInstanceOf(
        Crash,
      );
      const db = await reopen(device.db);
      expect(await pull(db, device.api, { now, pageSize: 3 })).toMatchObject({ kind: 'done' });
      for (const entity of ENTITY_NAMES) {
        expect(
          Object.fromEntries(await deviceEntities(db, entity)),
          `${entity} after a crash at step ${k}`,
        ).toEqual(truth[entity]);
      }
      db.close();
    }
    // The crashes landed inside the page's transaction as well as between steps.
    expect(crashedAt).toContain('pull:rows-written');
    expect(crashedAt).toContain('pull:before-checkpoint');
    expect(crashedAt).toContain('pull:committed');
  }, 300_000);

  it('a push interrupted at 100 random steps resumes: every action reaches the server once', async () => {
    const rng = seededRng(8);
    const lines = ['SO-1/1', 'SO-1/2', 'SO-2/1', 'SO-2/2', 'SO-3/1'];
    const crashedAt = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const device = await enrolledDevice(t.db, server.url);
      // Hold then release each line: applied twice, a hold would be refused; lost, the line stays held.
      const ids: string[] = [];
      for (const id of lines) {
        for (const [type, payload] of [
          ['backorder-line.held', { backorderLineId: id, reason: 'c' }],
          ['backorder-line.released', { backorderLineId: id }],
        ] as const) {
          const recorded = await recordAction(device.db, type, payload, {
            operatorId: OPERATORS.lead,
            now,
            newId: randomUUID,
          });
          if (recorded.ok) ids.push(recorded.value.id);
        }
      }
      const k = 1 + Math.floor(rng() * 16);
      const crash = crashAt(k);
      const step = (s: string) => {
        try {
          crash(s);
        } catch (error) {
          crashedAt.add(s);
          throw error;
        }
      };
      // A crash past the last step is no crash: the push simply finishes.
      await push(device.db, device.api, { now, batchSize: 2, step }).catch((error: unknown) =>
        expect(error).toBeInstanceOf(Crash),
      );
      const db = await reopen(device.db);
      expect(await syncUntilCalm(db, device.api, calmClock, { random: rng })).toEqual({ ok: true });
      expect(await db.outbox.count()).toBe(0);
      expect(await db.rejected.toArray()).toEqual([]);
      const logged = await t.db.query<{ id: string; status: string }>(
        'SELECT id, status FROM events WHERE device_id = $1 ORDER BY seq',
        [device.deviceId],
      );
      expect(logged.map((e) => e.id)).toEqual(ids);
      expect(logged.every((e) => e.status === 'accepted')).toBe(true);
      db.close();
    }
    expect(crashedAt).toContain('push:answered');
    expect(crashedAt).toContain('push:settling');
  }, 300_000);
});
