// The PIN lock end to end: two handhelds' own outboxes, pushes and pulls (fake-indexeddb) against
// the real server over HTTP, and a lead's unlock reaching a handheld at its next pull.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { isLocked } from '../../../shared/auth/pin-lock';
import { recordAttempt, shownAttempts } from '../../../renderer/auth/pin-attempts';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { enrolledDevice } from '../../fixtures/device';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

type Device = Awaited<ReturnType<typeof enrolledDevice>>;

const registry = testRegistry();
const now = () => new Date();
const PAT = OPERATORS.picker;

describe('a PIN lock across handhelds, lifted by a lead', () => {
  let t: TestDatabase;
  let server: TestServer;
  let one: Device;
  let two: Device;

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
    one = await enrolledDevice(t.db, server.url);
    two = await enrolledDevice(t.db, server.url);
    for (const d of [one, two])
      expect(await pull(d.db, d.api, { now })).toMatchObject({ kind: 'done' });
  });

  const sync = async (d: Device) => {
    expect(await push(d.db, d.api, { now })).toMatchObject({ kind: 'done' });
    expect(await pull(d.db, d.api, { now })).toMatchObject({ kind: 'done' });
  };
  const wrongPins = async (d: Device, times: number) => {
    for (let i = 0; i < times; i++)
      await recordAttempt(d.db, PAT, await shownAttempts(d.db, PAT), false, Date.now());
  };
  const locked = async (d: Device) => isLocked(await shownAttempts(d.db, PAT), Date.now());

  it('locks on both after three wrong PINs on one and two on the other, and unlocks at the next pull', async () => {
    await wrongPins(one, 3);
    await sync(one);
    await sync(two);
    // Offline now: two wrong PINs on the second handheld add to the three it pulled.
    await wrongPins(two, 2);
    expect(await locked(two)).toBe(true);
    await sync(two);
    expect(await locked(one)).toBe(false);
    await sync(one);
    expect(await locked(one)).toBe(true);

    const lead = await worldDevice(t.db, systemClock, server.url);
    expect(await lead.push(OPERATORS.lead, 'operator.unlocked', { operatorId: PAT })).toMatchObject(
      { status: 'accepted' },
    );
    expect(await locked(two)).toBe(true);
    await sync(two);
    expect(await locked(two)).toBe(false);
    expect(await shownAttempts(two.db, PAT)).toEqual({ wrongInARow: 0, lockedUntil: null });
  });
});
