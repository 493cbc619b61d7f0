// Enrolling devices and revoking them, over real HTTP.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock';
import { EnrollResponseSchema } from '../../../shared/sync-api/enroll';
import { enrollmentServers } from '../../fixtures/enrollment-servers';
import { availableDbKinds } from '../../fixtures/test-db';

const kinds = await availableDbKinds();
const ADMIN = 'admin-token-for-tests-0123456789';

describe.each(kinds)('enrollment on %s', (kind) => {
  const clock = manualClock();

  const env = enrollmentServers(kind, { clock, adminToken: ADMIN });
  beforeEach(() => env.t.reset());

  const post = (base: string, path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const newCode = async (ttlMinutes?: number) => {
    const res = await post(
      env.server.url,
      '/api/v1/admin/enrollment-codes',
      ttlMinutes ? { ttlMinutes } : {},
      ADMIN,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as { code: string; expiresAt: string };
  };
  const enroll = (body: unknown, base = env.server.url) => post(base, '/api/v1/enroll', body);
  const pull = (token: string) =>
    fetch(`${env.server.url}/api/v1/pull`, { headers: { authorization: `Bearer ${token}` } });
  const devices = () => env.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices');

  it('turns a one-time code into a device token and a first epoch', async () => {
    const { code } = await newCode();
    const res = await enroll({ code, name: 'Handheld 7' });
    expect(res.status).toBe(201);
    const enrolled = EnrollResponseSchema.parse(await res.json());
    expect((await pull(enrolled.token)).status).toBe(200);
    const [row] = await env.t.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM devices WHERE id = $1',
      [enrolled.deviceId],
    );
    expect(row!.token_hash).not.toContain(enrolled.token.split('.')[2]);
    // The code itself is nowhere in the log, only its hash.
    const log = JSON.stringify(await env.t.db.query('SELECT payload FROM events'));
    expect(log).not.toContain(code);
  });

  it('refuses a used, an expired and an unknown code with their reasons, and changes nothing', async () => {
    const { code } = await newCode();
    expect((await enroll({ code, name: 'first' })).status).toBe(201);
    const before = await devices();
    const used = await enroll({ code, name: 'second' });
    expect(used.status).toBe(403);
    expect(await used.json()).toEqual({
      error: 'code-used',
      message: 'This enrollment code was already used: ask an admin for a new one.',
    });
    const { code: old } = await newCode(1);
    clock.advance(61_000);
    const expired = await enroll({ code: old, name: 'late' });
    expect(expired.status).toBe(403);
    expect((await expired.json()) as object).toMatchObject({ error: 'code-expired' });
    const unknown = await enroll({ code: 'ABCDE-FGHJK', name: 'guess' });
    expect(unknown.status).toBe(403);
    expect((await unknown.json()) as object).toMatchObject({ error: 'code-unknown' });
    expect(await devices()).toEqual(before);
    expect((await enroll({ name: 'no code' })).status).toBe(401);
    expect((await enroll({ code: 'x', name: '' })).status).toBe(400);
  });

  it('refuses a malformed request in words, with no schema path', async () => {
    const long = await enroll({ code: 'C'.repeat(101), name: 'Handheld' });
    expect(long.status).toBe(400);
    expect(await long.json()).toEqual({
      error: 'bad-request',
      message: 'The enrollment code is too long: at most 100 characters.',
    });
  });

  it('enrolls without a code only over loopback, and only on a loopback-only server', async () => {
    expect((await enroll({ name: 'station' }, env.embedded.url)).status).toBe(201);
    const fromLan = await env.embedded.app.inject({
      method: 'POST',
      url: '/api/v1/enroll',
      payload: { name: 'intruder' },
      remoteAddress: '192.0.2.44',
    });
    expect(fromLan.statusCode).toBe(401);
    expect(fromLan.json()).toEqual({
      error: 'code-required',
      message: 'Enrolling a device needs a one-time code from an admin.',
    });
    expect((await enroll({ name: 'station' }, env.server.url)).status).toBe(401);
  });

  it('a revoked device gets 401 and changes nothing; enrolled again with a code for it, it keeps its id and gets a new epoch', async () => {
    const deviceId = randomUUID();
    const first = EnrollResponseSchema.parse(
      await (await enroll({ code: (await newCode()).code, deviceId, name: 'scanner' })).json(),
    );
    expect(first.deviceId).toBe(deviceId);
    expect(
      (await post(env.server.url, `/api/v1/admin/devices/${deviceId}/revoke`, {}, ADMIN)).status,
    ).toBe(200);
    expect((await pull(first.token)).status).toBe(401);
    const pushed = await post(
      env.server.url,
      '/api/v1/push',
      {
        events: [
          {
            id: randomUUID(),
            epoch: first.epoch,
            seq: 1,
            type: 'tour.claimed',
            deviceId,
            operatorId: 'x',
            at: new Date().toISOString(),
            payload: {},
          },
        ],
      },
      first.token,
    );
    expect(pushed.status).toBe(401);
    expect(await env.t.db.query("SELECT 1 FROM events WHERE source = 'device'")).toEqual([]);
    const listed = (await (
      await fetch(`${env.server.url}/api/v1/admin/devices`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      })
    ).json()) as { devices: { id: string; revokedAt: string | null }[] };
    expect(listed.devices.find((d) => d.id === deviceId)?.revokedAt).toBeTruthy();

    // A code for any device does not bring it back (that would be a takeover); one for it does.
    expect((await enroll({ code: (await newCode()).code, deviceId, name: 'scanner' })).status).toBe(
      403,
    );
    const forIt = (await (
      await post(env.server.url, '/api/v1/admin/enrollment-codes', { deviceId }, ADMIN)
    ).json()) as { code: string };
    const again = EnrollResponseSchema.parse(
      await (await enroll({ code: forIt.code, deviceId, name: 'scanner' })).json(),
    );
    expect(again.deviceId).toBe(deviceId);
    expect(again.epoch).not.toBe(first.epoch);
    expect((await pull(again.token)).status).toBe(200);
    expect((await pull(first.token)).status).toBe(401);
    const [revoked] = await env.t.db.query(
      "SELECT source, type FROM events WHERE type = 'admin.device-revoked'",
    );
    expect(revoked).toEqual({ source: 'admin', type: 'admin.device-revoked' });
  });
});
