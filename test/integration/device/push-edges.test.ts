// The push loop's other answers, against the real server: a body too large (split the batch), a
// revoked token (enroll again, outbox kept), and a gap (renumber from where the server is).
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { acceptedEvents, pendingEvents, recordAction } from '../../../renderer/sync/outbox';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { enroll } from '../../../renderer/sync/enroll';
import { createSyncApi } from '../../../renderer/sync/api';
import { KEYS, readState, type DeviceIdentity } from '../../../renderer/sync/sync-state';
import { atServer, enrolledDevice } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld } from '../../fixtures/world';

const ADMIN = 'edges-admin-token-0123456789abcd';
const registry = testRegistry();
const now = () => new Date();
const ctx = { operatorId: OPERATORS.lead, now, newId: () => randomUUID() };
const LINES = ['SO-1/1', 'SO-1/2', 'SO-2/1', 'SO-2/2', 'SO-3/1'];

describe('push edges', () => {
  let t: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    // A small body limit: a batch of five holds does not fit, two do.
    server = await startTestServer(t.db, {
      registry,
      adminToken: ADMIN,
      bodyLimitBytes: 900,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
  });

  const holdAll = async (db: Awaited<ReturnType<typeof enrolledDevice>>['db']) => {
    for (const id of LINES)
      await recordAction(db, 'backorder-line.held', { backorderLineId: id, reason: 'x' }, ctx);
  };
  const logged = (deviceId: string) =>
    t.db.query<{ id: string; seq: number }>(
      "SELECT id, seq FROM events WHERE device_id = $1 AND status = 'accepted' ORDER BY seq",
      [deviceId],
    );

  it('splits a batch the server finds too large, keeping the order', async () => {
    const statuses: number[] = [];
    const device = await enrolledDevice(t.db, server.url, async (url, init) => {
      const res = await fetch(url, init);
      statuses.push(res.status);
      return res;
    });
    await holdAll(device.db);
    const waiting = (await device.db.outbox.orderBy('seq').toArray()).map((e) => e.id);
    expect(await push(device.db, device.api, { now })).toEqual({ kind: 'done', sent: 5 });
    expect((await logged(device.deviceId)).map((e) => e.id)).toEqual(waiting);
    expect(statuses[0]).toBe(413);
  });

  it('after a revoked token, asks to enroll again and keeps the outbox; enrolled again, it keeps its id and delivers', async () => {
    const device = await enrolledDevice(t.db, server.url);
    await holdAll(device.db);
    await fetch(`${server.url}/api/v1/admin/devices/${device.deviceId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(await push(device.db, device.api, { now })).toMatchObject({ kind: 'unauthorized' });
    expect(await readState(device.db, KEYS.needsEnrollment)).toBe(true);
    expect(await device.db.outbox.count()).toBe(5);

    const code = (
      (await (
        await fetch(`${server.url}/api/v1/admin/enrollment-codes`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          // A revoked device comes back only with a code issued for it.
          body: JSON.stringify({ deviceId: device.deviceId }),
        })
      ).json()) as { code: string }
    ).code;
    await device.db.syncState.put({ key: 'deviceId', value: device.deviceId });
    const again = await enroll(
      device.db,
      { code, name: 'same handheld' },
      () => randomUUID(),
      atServer(server.url),
    );
    expect(again.ok && again.value.deviceId).toBe(device.deviceId);
    const identity = (await readState<DeviceIdentity>(device.db, KEYS.identity))!;
    expect(
      await push(device.db, createSyncApi(identity.token, atServer(server.url)), { now }),
    ).toEqual({
      kind: 'done',
      sent: 5,
    });
    expect((await logged(device.deviceId)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('renumbers from where the server is when it answers with a gap', async () => {
    const device = await enrolledDevice(t.db, server.url);
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/1', reason: 'x' },
      ctx,
    );
    expect(await push(device.db, device.api, { now })).toEqual({ kind: 'done', sent: 1 });
    // The device believes it is at seq 7 (its counter ran ahead); the server expects 2.
    await device.db.syncState.put({ key: KEYS.nextSeq, value: 7 });
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-1/2', reason: 'x' },
      ctx,
    );
    await recordAction(
      device.db,
      'backorder-line.held',
      { backorderLineId: 'SO-3/1', reason: 'x' },
      ctx,
    );
    expect(await push(device.db, device.api, { now })).toEqual({ kind: 'done', sent: 2 });
    expect((await logged(device.deviceId)).map((e) => e.seq)).toEqual([1, 2, 3]);
    // Nothing left to send; what was accepted stays on screen until the next pull brings it.
    expect(await pendingEvents(device.db)).toEqual([]);
    expect(await acceptedEvents(device.db)).toHaveLength(3);
    await pull(device.db, device.api, { now });
    expect(await device.db.outbox.count()).toBe(0);
  });
});
