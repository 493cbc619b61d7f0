// A restored or rolled-back database noticed over real HTTP, on the embedded store and PostgreSQL: a
// checkpoint names its change with a random tag (410 unless that change with that tag is here),
// and a push names the device's last accepted event (409 unless the server holds it).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { manualClock, systemClock } from '../../../server/clock';
import { decodeCheckpoint } from '../../../shared/sync-api/checkpoint';
import { ErrorBodySchema } from '../../../shared/sync-api/errors';
import { FeedPageSchema } from '../../../shared/sync-api/feed';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { seedWarehouseAndDevice, testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const kinds = await availableDbKinds();
const ADMIN = 'admin-token-for-restore-tests-0123456789';

describe.each(kinds)('a restore noticed on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let token: string;
  let deviceId: string;
  let epoch: string;
  let stockIds: string[];
  const clock = manualClock(new Date('2026-11-25T09:00:00Z'));
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, {
      registry,
      clock,
      rateLimit: { burst: 50, perSecond: 1 },
      adminToken: ADMIN,
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    clock.advance(60_000);
    ({ stockIds, token, deviceId, epoch } = await seedWarehouseAndDevice(
      t.db,
      registry,
      systemClock,
      'scanner',
      { skus: 3 },
    ));
  });

  const get = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const event = (seq: number) => ({
    id: randomUUID(),
    epoch,
    seq,
    type: 'test.stock-adjusted',
    deviceId,
    operatorId: null,
    at: '2026-11-25T08:59:00.000Z',
    payload: { stockId: stockIds[0], delta: 1 },
  });
  const pullAll = async () => {
    let checkpoint = '';
    for (;;) {
      const res = await get(`/api/v1/pull?limit=5${checkpoint ? `&checkpoint=${checkpoint}` : ''}`);
      expect(res.status).toBe(200);
      const page = PullPageSchema.parse(await res.json());
      checkpoint = page.checkpoint;
      if (!page.hasMore) return checkpoint;
    }
  };
  const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json());

  it('answers 410 when the change a checkpoint names is here at the same txid and pos with another tag', async () => {
    const checkpoint = await pullAll();
    const named = decodeCheckpoint(checkpoint);
    if (!named.ok) throw new Error(named.reason);
    expect(named.value.tag).toMatch(/^\d+$/);
    // The same checkpoint again: nothing new, and the checkpoint comes back as it was.
    const again = PullPageSchema.parse(
      await (await get(`/api/v1/pull?checkpoint=${checkpoint}`)).json(),
    );
    expect(again).toMatchObject({ checkpoint, hasMore: false, changes: [] });

    // What a restored database looks like from the checkpoint's side: the same transaction id
    // and position, written again by another transaction after the restore, so another tag.
    await t.db.query('UPDATE changes SET tag = tag + 1 WHERE pos = $1 AND txid = $2::text::xid8', [
      named.value.pos,
      named.value.txid,
    ]);
    const [held] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM changes WHERE pos = $1 AND txid = $2::text::xid8',
      [named.value.pos, named.value.txid],
    );
    expect(held!.n).toBe(1);
    const res = await get(`/api/v1/pull?checkpoint=${checkpoint}`);
    expect(res.status).toBe(410);
    const body = await errorOf(res);
    expect(body.error).toBe('checkpoint-unknown');
    expect(body.message).toContain('restored from a backup');

    // Starting over works, with a checkpoint the server holds.
    const fresh = await pullAll();
    expect((await get(`/api/v1/pull?checkpoint=${fresh}`)).status).toBe(200);
  });

  it('answers 410 to a checkpoint without a tag (issued before tags) and to a position it never wrote', async () => {
    const checkpoint = decodeCheckpoint(await pullAll());
    if (!checkpoint.ok) throw new Error(checkpoint.reason);
    const { databaseId, txid, pos } = checkpoint.value;
    expect((await get(`/api/v1/pull?checkpoint=${databaseId}.${txid}.${pos}`)).status).toBe(410);
    expect(
      (await get(`/api/v1/pull?checkpoint=${databaseId}.${txid}.${pos + 1000}.123`)).status,
    ).toBe(410);
    // The start of the stream names no change: always valid.
    expect((await get(`/api/v1/pull?checkpoint=${databaseId}.0.0`)).status).toBe(200);
  });

  it('answers 409 unknown-last-accepted when a push names an event the server does not hold, and changes nothing', async () => {
    const first = event(1);
    const ok = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [first] })).json(),
    );
    expect(ok.results[0]!.status).toBe('accepted');
    const before = await t.db.query('SELECT count(*)::int AS n FROM events');

    const lost = randomUUID();
    const res = await post('/api/v1/push', { events: [event(2)], lastAccepted: lost });
    expect(res.status).toBe(409);
    const body = await errorOf(res);
    expect(body.error).toBe('unknown-last-accepted');
    expect(body.message).toContain(`does not hold event ${lost}`);
    expect(body.message).toContain('push again the events kept since');
    expect(await t.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);

    // Another device's event is not this device's last accepted either.
    const other = await createDevice(t.db, 'other', systemClock);
    const theirs = {
      ...event(1),
      epoch: other.epoch,
      deviceId: other.device.id,
    };
    await fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({ events: [theirs] }),
    });
    expect(
      (await post('/api/v1/push', { events: [event(2)], lastAccepted: theirs.id })).status,
    ).toBe(409);

    // Naming one it holds goes through.
    const next = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [event(2)], lastAccepted: first.id })).json(),
    );
    expect(next.results[0]!.status).toBe('accepted');
  });

  it('answers 410 on the admin feed when the event its position names has another tag', async () => {
    await post('/api/v1/push', { events: [event(1)] });
    const feed = (after = '') =>
      fetch(`${server.url}/api/v1/admin/events?limit=1000${after ? `&after=${after}` : ''}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
    const first = FeedPageSchema.parse(await (await feed()).json());
    expect(first.events.length).toBeGreaterThan(0);
    expect((await feed(first.checkpoint)).status).toBe(200);
    const named = decodeCheckpoint(first.checkpoint);
    if (!named.ok) throw new Error(named.reason);
    await t.db.query('UPDATE changes SET tag = tag + 1 WHERE pos = $1', [named.value.pos]);
    const res = await feed(first.checkpoint);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).message).toContain('read the feed again from the start');
  });

  it('refuses a last accepted id that is not an event id, with a reason', async () => {
    const res = await post('/api/v1/push', { events: [event(1)], lastAccepted: 'x' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain(
      'The last event the server accepted is not in the form this app expects.',
    );
  });
});
