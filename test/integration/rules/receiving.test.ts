// A lead's receipt (stock.received) over real HTTP, on the embedded store and PostgreSQL 15:
// applied once however often it is sent, refused whole when it names a location the server does
// not know, and the expected receipt it fulfils lowered, then gone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { PushResponseSchema, type EventResult } from '../../../shared/sync-api/push';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, rowOf, seedWorld } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.each(kinds)('receiving on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  const registry = testRegistry();
  let send: (
    events: { id: string; seq: number; operatorId: string; payload: unknown }[],
  ) => Promise<EventResult[]>;
  let token: string;

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
    const outcome = await recordServerEvent(
      t.db,
      registry,
      systemClock,
      'oms.expected-receipt-recorded',
      {
        id: 'ER1',
        skuId: 'S1',
        qty: 10,
        expectedAt: '2026-12-02T08:00:00Z',
      },
    );
    expect(outcome).toEqual({ ok: true });
    const created = await createDevice(t.db, 'lead station', systemClock);
    token = created.token;
    send = async (events) => {
      const res = await fetch(`${server.url}/api/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: events.map((e) => ({
            id: e.id,
            epoch: created.epoch,
            seq: e.seq,
            type: 'stock.received',
            deviceId: created.device.id,
            operatorId: e.operatorId,
            at: '2026-12-01T07:00:00.000Z',
            payload: e.payload,
          })),
        }),
      });
      expect(res.status).toBe(200);
      return PushResponseSchema.parse(await res.json()).results;
    };
  });

  const stock = async (id: string) =>
    (await rowOf<{ on_hand: number; reserved: number } | undefined>(t.db, 'stock', id)) ?? null;
  const expected = async () =>
    (await rowOf<{ qty: number } | undefined>(t.db, 'expected_receipts', 'ER1')) ?? null;

  it('adds the stock once, however often the receipt is sent, and lowers the expected receipt', async () => {
    const receipt = {
      id: randomUUID(),
      seq: 1,
      operatorId: OPERATORS.lead,
      payload: {
        receiptId: 'RC-1',
        lines: [
          { skuId: 'S1', locationId: 'L1', qty: 4 },
          // S1 was never at L5: the row is made.
          { skuId: 'S1', locationId: 'L5', qty: 3 },
        ],
        expectedReceiptId: 'ER1',
      },
    };
    expect(await send([receipt])).toMatchObject([{ status: 'accepted' }]);
    // The answer was lost; the device sends it again, twice in one batch even.
    expect(await send([receipt, receipt])).toMatchObject([
      { status: 'duplicate', original: { status: 'accepted' } },
      { status: 'duplicate', original: { status: 'accepted' } },
    ]);
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 14 });
    expect(await stock('L5|S1')).toMatchObject({ on_hand: 3, reserved: 0 });
    expect(await expected()).toMatchObject({ qty: 3 });
    const logged = await t.db.query<{ n: string | number }>(
      "SELECT count(*) AS n FROM events WHERE type = 'stock.received'",
    );
    expect(Number(logged[0]!.n)).toBe(1);

    // The rest arrives: the expected receipt is gone, and devices pull its removal.
    expect(
      await send([
        {
          id: randomUUID(),
          seq: 2,
          operatorId: OPERATORS.lead,
          payload: {
            receiptId: 'RC-2',
            lines: [{ skuId: 'S1', locationId: 'L1', qty: 5 }],
            expectedReceiptId: 'ER1',
          },
        },
      ]),
    ).toMatchObject([{ status: 'accepted' }]);
    expect(await expected()).toBeNull();
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 19 });
    const pull = await fetch(`${server.url}/api/v1/pull?limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = PullPageSchema.parse(await pull.json());
    expect(
      page.changes.filter((c) => c.entity === 'expectedReceipt' && c.id === 'ER1').at(-1),
    ).toMatchObject({
      row: null,
    });
    expect(
      page.changes.filter((c) => c.entity === 'stock' && c.id === 'L5|S1').at(-1),
    ).toMatchObject({
      row: { onHand: 3 },
    });
  });

  it('refuses a receipt naming a location it does not know, and adds nothing of it', async () => {
    const [result] = await send([
      {
        id: randomUUID(),
        seq: 1,
        operatorId: OPERATORS.lead,
        payload: {
          receiptId: 'RC-1',
          lines: [
            { skuId: 'S1', locationId: 'L1', qty: 4 },
            { skuId: 'S1', locationId: 'L9', qty: 2 },
          ],
        },
      },
    ]);
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'unknown-location',
      message: expect.stringContaining('L9'),
    });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 10 });
    expect(await stock('L9|S1')).toBeNull();
  });

  it('refuses a receipt from a picker, and one of nothing', async () => {
    const [byPicker, ofNothing] = await send([
      {
        id: randomUUID(),
        seq: 1,
        operatorId: OPERATORS.picker,
        payload: { receiptId: 'RC-1', lines: [{ skuId: 'S1', locationId: 'L1', qty: 4 }] },
      },
      {
        id: randomUUID(),
        seq: 2,
        operatorId: OPERATORS.lead,
        payload: { receiptId: 'RC-2', lines: [{ skuId: 'S1', locationId: 'L1', qty: 0 }] },
      },
    ]);
    expect(byPicker).toMatchObject({ status: 'rejected', code: 'role-required' });
    expect(ofNothing).toMatchObject({ status: 'rejected', code: 'invalid-payload' });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 10 });
  });
});
