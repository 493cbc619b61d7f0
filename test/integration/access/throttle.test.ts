// Guessing enrollment codes and the admin token: each address gets a few failures, then waits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock';
import { ADMIN_FAILURES, ENROLL_FAILURES } from '../../../server/limits/failure-throttle';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const ADMIN = 'admin-token-for-tests-0123456789';

describe('failure throttling per address', () => {
  let t: TestDatabase;
  let server: TestServer;
  const clock = manualClock();

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
  }, 60_000);
  // A fresh server per test: the allowance is the server's memory, per address.
  beforeEach(async () => {
    await t.reset();
    await server?.close();
    server = await startTestServer(t.db, { clock, adminToken: ADMIN });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  const admin = (remoteAddress: string, token = ADMIN) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrollment-codes',
      headers: { authorization: `Bearer ${token}` },
      payload: {},
      remoteAddress,
    });
  const newCode = async () => ((await admin('127.0.0.1')).json() as { code: string }).code;
  const enroll = (remoteAddress: string, code?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/enroll',
      payload: { name: 'handheld', ...(code ? { code } : {}) },
      remoteAddress,
    });
  const devices = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM devices'))[0]!.n);

  it('answers 429 with Retry-After once an address has used up its failed enrollments', async () => {
    const guesser = '192.0.2.10';
    for (let i = 0; i < ENROLL_FAILURES.burst; i++) {
      const guess = await enroll(guesser, i % 2 ? 'ABCDE-FGHJK' : undefined);
      expect(guess.statusCode).toBe(i % 2 ? 403 : 401);
    }
    const good = await newCode();
    const held = await enroll(guesser, good);
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ error: 'too-many-failures' });
    const wait = Number(held.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(held.json().message).toContain(`wait ${wait} seconds`);
    expect(await devices()).toBe(0);

    // Another address is not held back, and the held one may try again after the wait.
    expect((await enroll('192.0.2.11', await newCode())).statusCode).toBe(201);
    clock.advance(wait * 1000);
    expect((await enroll(guesser, good)).statusCode).toBe(201);
    expect(await devices()).toBe(2);
  });

  it('does not count successes, and holds guesses sent all at once to the allowance', async () => {
    const station = '192.0.2.20';
    for (let i = 0; i < ENROLL_FAILURES.burst + 5; i++)
      expect((await enroll(station, await newCode())).statusCode).toBe(201);
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => enroll('192.0.2.21', 'ABCDE-FGHJK')),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 403)).toHaveLength(ENROLL_FAILURES.burst);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - ENROLL_FAILURES.burst);
  });

  it('answers 429 to an address that keeps sending a wrong admin token, even with the right one', async () => {
    const guesser = '198.51.100.7';
    for (let i = 0; i < ADMIN_FAILURES.burst; i++)
      expect((await admin(guesser, `wrong-token-${i}-0123456789abcdef`)).statusCode).toBe(401);
    const held = await admin(guesser);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await admin('198.51.100.8')).statusCode).toBe(200);
    // Right tokens never use up the allowance.
    for (let i = 0; i < ADMIN_FAILURES.burst + 5; i++)
      expect((await admin('198.51.100.9')).statusCode).toBe(200);
  });
});
