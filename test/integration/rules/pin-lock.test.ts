// The PIN lock counted across devices by the server, and a lead's unlock, over real HTTP on the
// embedded store and PostgreSQL 15.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { attemptsOf, isLocked } from '../../../shared/auth/pin-lock';
import { OperatorSchema } from '../../../shared/domain/operator';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, rowOf, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.each(kinds)('the PIN lock across devices on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let handheld1: Awaited<ReturnType<typeof worldDevice>>;
  let handheld2: Awaited<ReturnType<typeof worldDevice>>;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    handheld1 = await worldDevice(t.db, systemClock, server.url);
    handheld2 = await worldDevice(t.db, systemClock, server.url);
  });

  // The picker's record as a device gets it from a pull from the start.
  const pulledRecord = async (token: string, operatorId: string) => {
    let checkpoint: string | undefined;
    let record: unknown;
    for (;;) {
      const q = new URLSearchParams({ limit: '5000', ...(checkpoint ? { checkpoint } : {}) });
      const res = await fetch(`${server.url}/api/v1/pull?${q}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const page = PullPageSchema.parse(await res.json());
      for (const c of page.changes)
        if (c.entity === 'operator' && c.id === operatorId) record = c.row;
      checkpoint = page.checkpoint;
      if (!page.hasMore) return OperatorSchema.parse(record);
    }
  };
  const wrongPin = (device: typeof handheld1, operatorId: string = OPERATORS.picker) =>
    device.push(operatorId, 'operator.pin-refused', {});

  it('adds up wrong PINs from two handhelds: three on one and two on the other lock the picker on both', async () => {
    for (let i = 0; i < 3; i++)
      expect(await wrongPin(handheld1)).toMatchObject({ status: 'accepted' });
    expect(await rowOf(t.db, 'operators', OPERATORS.picker)).toMatchObject({
      wrong_pins: 3,
      pin_locked_until: null,
    });
    for (let i = 0; i < 2; i++)
      expect(await wrongPin(handheld2)).toMatchObject({ status: 'accepted' });
    // Each handheld, after its pull, holds the lock the other one's PINs completed.
    for (const device of [handheld1, handheld2]) {
      const record = await pulledRecord(device.token, OPERATORS.picker);
      expect(record.wrongPins).toBe(5);
      expect(isLocked(attemptsOf(record), Date.now())).toBe(true);
    }
  });

  it("lifts the lock with a lead's operator.unlocked, refused for a non-lead and for a badge not locked", async () => {
    for (let i = 0; i < 5; i++) await wrongPin(i % 2 ? handheld1 : handheld2);
    expect(
      await handheld1.push(OPERATORS.picker2, 'operator.unlocked', {
        operatorId: OPERATORS.picker,
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'role-required',
      message: expect.stringContaining('Pia Picker is a picker'),
    });
    expect(
      await handheld1.push(OPERATORS.lead, 'operator.unlocked', {
        operatorId: OPERATORS.picker,
        reason: 'came to the desk',
      }),
    ).toMatchObject({ status: 'accepted' });
    const record = await pulledRecord(handheld2.token, OPERATORS.picker);
    expect(record).toMatchObject({ wrongPins: 0, pinLockedUntil: null });
    expect(
      await handheld1.push(OPERATORS.lead, 'operator.unlocked', {
        operatorId: OPERATORS.picker,
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'not-locked',
      message: 'Pat Picker is not locked out: they can sign in with their PIN.',
    });
  });

  it('ends a run of wrong PINs at the right one, and takes wrong PINs only for a role the device signs in', async () => {
    await wrongPin(handheld1);
    await wrongPin(handheld2);
    expect(await handheld1.push(OPERATORS.picker, 'operator.pin-accepted', {})).toMatchObject({
      status: 'accepted',
    });
    expect(await rowOf(t.db, 'operators', OPERATORS.picker)).toMatchObject({ wrong_pins: 0 });
    // A handheld for pickers holds no lead's PIN record: it cannot have checked one.
    const { device, token, epoch } = await createDevice(
      t.db,
      'pickers only',
      systemClock,
      undefined,
      ['picker'],
    );
    const res = await fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: crypto.randomUUID(),
            epoch,
            seq: 1,
            type: 'operator.pin-refused',
            deviceId: device.id,
            operatorId: OPERATORS.lead,
            at: new Date().toISOString(),
            payload: {},
          },
        ],
      }),
    });
    expect((await res.json()).results[0]).toMatchObject({
      status: 'rejected',
      code: 'role-not-on-device',
    });
    expect(await rowOf(t.db, 'operators', OPERATORS.lead)).toMatchObject({ wrong_pins: 0 });
  });

  it("lifts the lock when an admin resets the operator's PIN", async () => {
    for (let i = 0; i < 5; i++) await wrongPin(handheld1);
    const outcome = await recordServerEvent(
      t.db,
      registry,
      systemClock,
      'admin.operator-pin-reset',
      {
        id: OPERATORS.picker,
        pin: { pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 1000 },
      },
      undefined,
      'admin',
    );
    expect(outcome.ok).toBe(true);
    expect(await rowOf(t.db, 'operators', OPERATORS.picker)).toMatchObject({
      wrong_pins: 0,
      pin_locked_until: null,
    });
  });
});
