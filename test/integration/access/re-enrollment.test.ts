// Who may enroll again under an existing device id (issue 12, point 7), over real HTTP: the
// device itself (its current token) or whoever holds a code an admin issued for that device.
// Anyone else, with any other code or over loopback, would take the device over: its id is in
// every event it pushed, and its real token would stop working.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FillwaveDb } from '../../../renderer/db/fillwave-db';
import { enroll } from '../../../renderer/sync/enroll';
import {
  KEYS,
  readState,
  writeState,
  type DeviceIdentity,
} from '../../../renderer/sync/sync-state';
import { manualClock } from '../../../server/clock';
import { EnrollResponseSchema, type EnrollResponse } from '../../../shared/sync-api/enroll';
import { enrollmentServers } from '../../fixtures/enrollment-servers';
import { availableDbKinds } from '../../fixtures/test-db';
import { atServer } from '../../fixtures/device';

const kinds = await availableDbKinds();
const ADMIN = 'reenroll-admin-token-0123456789ab';

describe.each(kinds)('enrolling again under an existing device id on %s', (kind) => {
  const clock = manualClock();

  const env = enrollmentServers(kind, { clock, adminToken: ADMIN });
  beforeEach(() => env.t.reset());

  const post = (url: string, body: unknown, token?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const newCode = async (body: object = {}) => {
    const res = await post(`${env.server.url}/api/v1/admin/enrollment-codes`, body, ADMIN);
    expect(res.status).toBe(200);
    return ((await res.json()) as { code: string }).code;
  };
  const enrollAt = (body: object, token?: string, base = env.server.url) =>
    post(`${base}/api/v1/enroll`, body, token);
  const enrolled = async (res: Response): Promise<EnrollResponse> => {
    expect(res.status).toBe(201);
    return EnrollResponseSchema.parse(await res.json());
  };
  const pullStatus = async (token: string) =>
    (
      await fetch(`${env.server.url}/api/v1/pull`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).status;
  const codeUsed = async () =>
    (
      await env.t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM enrollment_codes WHERE used_at IS NOT NULL',
      )
    )[0]!.n;

  const takeoverSentence = (id: string) =>
    `Device ${id} is already enrolled: enrolling it again needs its current token, or a code an admin issued for it (npm run admin -- enrollment-code --device ${id}).`;

  it("refuses another code under a device's id; the device's token keeps working and the code stays unused", async () => {
    const victim = await enrolled(await enrollAt({ code: await newCode(), name: 'handheld 1' }));
    const usedBefore = await codeUsed();
    const stolen = await newCode();
    const takeover = await enrollAt({ code: stolen, deviceId: victim.deviceId, name: 'mine now' });
    expect(takeover.status).toBe(403);
    expect(await takeover.json()).toEqual({
      error: 'device-enrolled',
      message: takeoverSentence(victim.deviceId),
    });
    expect(await pullStatus(victim.token)).toBe(200);
    expect(await codeUsed()).toBe(usedBefore);
    // A token of another device proves nothing about this one.
    const other = await enrolled(await enrollAt({ code: await newCode(), name: 'handheld 2' }));
    const withOthers = await enrollAt(
      { code: stolen, deviceId: victim.deviceId, name: 'mine now' },
      other.token,
    );
    expect(withOthers.status).toBe(403);
    expect(await pullStatus(victim.token)).toBe(200);
    // The refused code still enrolls a new device.
    const fresh = await enrolled(await enrollAt({ code: stolen, name: 'handheld 3' }));
    expect(fresh.deviceId).not.toBe(victim.deviceId);
  });

  it('refuses a code-less loopback enrollment under an existing id without its token', async () => {
    const station = await enrolled(
      await enrollAt({ name: 'station' }, undefined, env.embedded.url),
    );
    const again = await enrollAt(
      { deviceId: station.deviceId, name: 'intruder' },
      undefined,
      env.embedded.url,
    );
    expect(again.status).toBe(403);
    expect(((await again.json()) as { error: string }).error).toBe('device-enrolled');
    expect(await pullStatus(station.token)).toBe(200);
  });

  it('re-keys a device that shows its current token, with or without a code; the old token stops', async () => {
    const first = await enrolled(
      await enrollAt({ code: await newCode({ roles: ['picker'] }), name: 'handheld' }),
    );
    const rekeyed = await enrolled(
      await enrollAt({ deviceId: first.deviceId, name: 'handheld' }, first.token),
    );
    expect(rekeyed.deviceId).toBe(first.deviceId);
    expect(rekeyed.epoch).not.toBe(first.epoch);
    expect(rekeyed.roles).toEqual(['picker']);
    expect(await pullStatus(first.token)).toBe(401);
    expect(await pullStatus(rekeyed.token)).toBe(200);
    // With its token and a new code, the code's roles apply.
    const widened = await enrolled(
      await enrollAt(
        {
          code: await newCode({ roles: ['picker', 'packer'] }),
          deviceId: first.deviceId,
          name: 'h',
        },
        rekeyed.token,
      ),
    );
    expect(widened.roles).toEqual(['picker', 'packer']);
  });

  it("takes a code an admin issued for the device: for that device alone, and it keeps the device's roles", async () => {
    const lost = await enrolled(
      await enrollAt({ code: await newCode({ roles: ['packer'] }), name: 'pack station' }),
    );
    const other = await enrolled(await enrollAt({ code: await newCode(), name: 'other' }));
    const issued = await post(
      `${env.server.url}/api/v1/admin/enrollment-codes`,
      { deviceId: lost.deviceId },
      ADMIN,
    );
    expect(issued.status).toBe(200);
    const { code, roles } = (await issued.json()) as { code: string; roles: string[] };
    expect(roles).toEqual(['packer']);
    const elsewhere = await enrollAt({ code, deviceId: other.deviceId, name: 'other' });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toEqual({
      error: 'code-for-another-device',
      message: `This enrollment code was issued to re-enroll device ${lost.deviceId}, not this one: ask an admin for a code for this device.`,
    });
    expect(await pullStatus(other.token)).toBe(200);
    // A wiped device no longer knows its id: the code brings it back under it.
    const back = await enrolled(await enrollAt({ code, name: 'pack station' }));
    expect(back.deviceId).toBe(lost.deviceId);
    expect(back.roles).toEqual(['packer']);
    expect(await pullStatus(lost.token)).toBe(401);
    expect(await pullStatus(back.token)).toBe(200);
    const unknown = await post(
      `${env.server.url}/api/v1/admin/enrollment-codes`,
      { deviceId: randomUUID() },
      ADMIN,
    );
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: string }).error).toBe('unknown-device');
  });

  it('brings a revoked device back only with a code issued for it', async () => {
    const device = await enrolled(await enrollAt({ code: await newCode(), name: 'scanner' }));
    expect(
      (await post(`${env.server.url}/api/v1/admin/devices/${device.deviceId}/revoke`, {}, ADMIN))
        .status,
    ).toBe(200);
    const anyCode = await enrollAt({ code: await newCode(), deviceId: device.deviceId, name: 's' });
    expect(anyCode.status).toBe(403);
    // Its revoked token is no proof either.
    const withOldToken = await enrollAt({ deviceId: device.deviceId, name: 's' }, device.token);
    expect(withOldToken.status).toBe(401);
    const back = await enrolled(
      await enrollAt({
        code: await newCode({ deviceId: device.deviceId }),
        deviceId: device.deviceId,
        name: 's',
      }),
    );
    expect(back.deviceId).toBe(device.deviceId);
    expect(await pullStatus(back.token)).toBe(200);
  });

  it('the device sends its current token when it enrolls again, and says what to do without one', async () => {
    const db = new FillwaveDb(`reenroll-${randomUUID()}`);
    await db.open();
    const sent: (string | null)[] = [];
    const device = atServer(env.server.url, (url, init) => {
      sent.push(new Headers(init?.headers).get('authorization'));
      return fetch(url, init);
    });
    try {
      const first = await enroll(
        db,
        { code: await newCode({ roles: ['picker'] }), name: 'handheld' },
        () => randomUUID(),
        device,
      );
      expect(first.ok).toBe(true);
      const identity = (await readState<DeviceIdentity>(db, KEYS.identity))!;
      expect(identity.roles).toEqual(['picker']);
      // No code: the server re-keys it on its token alone.
      const again = await enroll(db, { code: '', name: 'handheld' }, () => randomUUID(), device);
      expect(again.ok && again.value.deviceId).toBe(identity.deviceId);
      expect(sent).toEqual([null, `Bearer ${identity.token}`]);
      expect(await pullStatus(identity.token)).toBe(401);
      // Its token lost (a wiped keyring), a code for any device is not enough.
      await writeState(db, KEYS.identity, undefined);
      const refused = await enroll(
        db,
        { code: await newCode(), name: 'handheld' },
        () => randomUUID(),
        device,
      );
      expect(refused).toEqual({ ok: false, reason: takeoverSentence(identity.deviceId) });
    } finally {
      db.close();
    }
  });
});
