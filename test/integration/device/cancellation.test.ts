// A line the OMS cancels reaches the picker's device at its next pull: the real server's rule
// shrinks or cancels the tasks, the device's pull writes them, and the picker's notices (the same
// comparison the tour screen makes) say what left the tour and why.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import type { Location } from '../../../shared/domain/location';
import type { PickTask } from '../../../shared/domain/pick-task';
import { taskNotices, type SeenTasks } from '../../../shared/picking/task-notices';
import { pull } from '../../../renderer/sync/pull';
import { enrolledDevice } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { MORNING_WAVE, OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const registry = testRegistry();
const now = () => new Date();

describe("a customer's cancellation on the picker's device", () => {
  let t: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    server = await startTestServer(t.db, { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    const lead = await worldDevice(t.db, systemClock, server.url);
    expect(await lead.push(OPERATORS.lead, 'wave.released', MORNING_WAVE)).toMatchObject({
      status: 'accepted',
    });
    expect(
      await lead.push(OPERATORS.lead, 'tour.assigned', {
        tourId: 'T1',
        pickerId: OPERATORS.picker,
      }),
    ).toMatchObject({ status: 'accepted' });
  });

  it("shrinks and cancels the tour's tasks at the next pull, and the picker is told why", async () => {
    const device = await enrolledDevice(t.db, server.url);
    const notices = async (seen: SeenTasks | null) => {
      expect(await pull(device.db, device.api, { now })).toMatchObject({ kind: 'done' });
      const tasks = (await device.db.pickTasks
        .where('tourId')
        .equals('T1')
        .toArray()) as PickTask[];
      const lines = (await device.db.backorderLines.toArray()) as BackorderLine[];
      const locations = (await device.db.locations.toArray()) as Location[];
      return {
        tasks,
        ...taskNotices(
          seen,
          tasks,
          new Map(lines.map((l) => [l.id, l])),
          (id) => locations.find((l) => l.id === id)?.code ?? id,
          false,
        ),
      };
    };
    const first = await notices(null);
    expect(first.notices).toEqual([]);
    expect(first.seen).toEqual({
      K1: { qty: 6, lineCancelled: 0 },
      K2: { qty: 3, lineCancelled: 0 },
    });

    // The OMS: 2 of SO-1/1 (allocated, not picked: K1 shrinks), and all of SO-1/2 (K2 goes).
    for (const [backorderLineId, qty] of [
      ['SO-1/1', 2],
      ['SO-1/2', undefined],
    ] as const)
      expect(
        await recordServerEvent(t.db, registry, systemClock, 'oms.backorder-line-cancelled', {
          backorderLineId,
          reason: 'customer called',
          ...(qty ? { qty } : {}),
        }),
      ).toEqual({ ok: true });

    const next = await notices(first.seen);
    expect(next.tasks.map((k) => [k.id, k.status, k.qty])).toEqual([
      ['K1', 'open', 4],
      ['K2', 'cancelled', 3],
    ]);
    expect(next.notices.map((n) => n.text)).toEqual([
      'Line 1 of order SO-1 was partly cancelled by the customer: its pick at L1 is now 4 instead of 6.',
      'Line 2 of order SO-1 was cancelled by the customer: its pick at L3 is off your tour.',
    ]);
    // The pull after says nothing new.
    expect((await notices(next.seen)).notices).toEqual([]);
  });
});
