// The admin API: operators and PINs, the OMS side, and what never reaches a log.
import { webcrypto } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkPin } from '../../../renderer/auth/check-pin';
import { hashPin } from '../../../server/auth/pin-hash';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { OperatorSchema } from '../../../shared/domain/operator';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const ADMIN = 'admin-token-for-tests-9876543210';

describe('the admin API', () => {
  let t: TestDatabase;
  let server: TestServer;
  let noAdmin: TestServer;
  const logs: string[] = [];
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    const logStream = new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    });
    server = await startTestServer(t.db, {
      registry,
      adminToken: ADMIN,
      logStream,
      rateLimit: { burst: 1e9, perSecond: 1e9 },
    });
    noAdmin = await startTestServer(t.db, { registry });
  });
  afterAll(async () => {
    await server?.close();
    await noAdmin?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
  });

  const admin = (method: string, path: string, body?: unknown, token = ADMIN, base = server.url) =>
    fetch(`${base}/api/v1/admin${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        authorization: `Bearer ${token}`,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('exists only with an admin token, and answers only to it', async () => {
    expect((await admin('GET', '/devices', undefined, ADMIN, noAdmin.url)).status).toBe(404);
    const wrong = await admin('GET', '/devices', undefined, 'not-the-admin-token-at-all');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'admin-token-required' });
  });

  it('creates an operator whose synced record lets a device check the PIN offline', async () => {
    const created = await admin('POST', '/operators', {
      id: 'op-new',
      badge: 'PI77',
      name: 'Nia New',
      role: 'picker',
      pin: '2468',
    });
    expect(created.status).toBe(200);
    const device = await worldDevice(t.db, systemClock, server.url);
    let row: unknown;
    let checkpoint = '';
    for (;;) {
      const page = PullPageSchema.parse(
        await (
          await fetch(
            `${server.url}/api/v1/pull?limit=5000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
            { headers: { authorization: `Bearer ${device.token}` } },
          )
        ).json(),
      );
      row = page.changes.findLast((c) => c.entity === 'operator' && c.id === 'op-new')?.row ?? row;
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    const operator = OperatorSchema.parse(row);
    const subtle = webcrypto.subtle as unknown as SubtleCrypto;
    expect(await checkPin(operator, '2468', subtle)).toBe(true);
    expect(await checkPin(operator, '1357', subtle)).toBe(false);

    expect((await admin('POST', '/operators/op-new/pin', { pin: '1357' })).status).toBe(200);
    const [reset] = await t.db.query<Record<string, string>>(
      'SELECT pin_hash AS "pinHash", pin_salt AS "pinSalt", pin_iterations AS "pinIterations" FROM operators WHERE id = $1',
      ['op-new'],
    );
    expect(await checkPin(reset as never, '1357', subtle)).toBe(true);
  });

  it('refuses bad operator input by field and clashing badges by rule', async () => {
    const badPin = await admin('POST', '/operators', {
      badge: 'X1',
      name: 'X',
      role: 'picker',
      pin: '12',
    });
    expect(badPin.status).toBe(400);
    expect(await badPin.json()).toEqual({
      error: 'bad-request',
      message: 'operator: pin: a PIN is 4 to 8 digits',
    });
    const clash = await admin('POST', '/operators', {
      badge: 'PI1',
      name: 'Copy',
      role: 'picker',
      pin: '1234',
    });
    expect(clash.status).toBe(422);
    expect(await clash.json()).toEqual({
      error: 'badge-taken',
      message: `Badge PI1 belongs to operator ${OPERATORS.picker}.`,
    });
    expect((await admin('PATCH', `/operators/${OPERATORS.picker}`, {})).status).toBe(400);
    expect((await admin('PATCH', '/operators/op-ghost', { name: 'G' })).status).toBe(422);
  });

  it("refuses a badge that differs only by case from another operator's, when created or renamed", async () => {
    const caseOnly = `Badge pi1 differs only by case from badge PI1 of Pat Picker (operator ${OPERATORS.picker}); sign-in reads badges in any case, so choose another badge.`;
    const created = await admin('POST', '/operators', {
      badge: 'pi1',
      name: 'Copy',
      role: 'picker',
      pin: '1234',
    });
    expect(created.status).toBe(422);
    expect(await created.json()).toEqual({ error: 'badge-taken', message: caseOnly });
    const renamed = await admin('PATCH', `/operators/${OPERATORS.picker2}`, { badge: 'pi1' });
    expect(renamed.status).toBe(422);
    expect(await renamed.json()).toEqual({
      error: 'badge-taken',
      message: caseOnly,
    });
    const badges = await t.db.query<{ id: string; badge: string }>(
      "SELECT id, badge FROM operators WHERE lower(badge) = 'pi1' OR id = $1 ORDER BY id",
      [OPERATORS.picker2],
    );
    expect(badges.map((o) => o.badge).sort()).toEqual(['PI1', 'PI2']);
    // An operator's own badge in another case is theirs to take.
    expect((await admin('PATCH', `/operators/${OPERATORS.picker}`, { badge: 'pi1' })).status).toBe(
      200,
    );
  });

  it('still replays a log from before that rule: the logged event is applied as it was accepted', async () => {
    // The rule lives in the admin routes, not in the event's own rule, which replay runs.
    const outcome = await recordServerEvent(
      t.db,
      registry,
      systemClock,
      'admin.operator-created',
      {
        id: 'op-old-case',
        badge: 'PI2'.toLowerCase(),
        name: 'Old',
        role: 'picker',
        pin: hashPin('1234'),
      },
      undefined,
      'admin',
    );
    expect(outcome).toEqual({ ok: true });
  });

  it('changes and deactivates operators; a deactivated operator can no longer record work', async () => {
    expect(
      (await admin('PATCH', `/operators/${OPERATORS.picker2}`, { name: 'Pia P.' })).status,
    ).toBe(200);
    expect((await admin('POST', `/operators/${OPERATORS.picker2}/deactivate`)).status).toBe(200);
    const device = await worldDevice(t.db, systemClock, server.url);
    expect(await device.push(OPERATORS.picker2, 'tour.claimed', { tourId: 'T1' })).toMatchObject({
      code: 'operator-inactive',
      message: 'Pia P. is deactivated and can no longer record work.',
    });
  });

  it('runs the OMS side through the log: receive stock, add orders, cancel a line, expect a receipt', async () => {
    expect(
      (
        await admin('POST', '/stock-receipts', {
          receipts: [{ locationId: 'L5', skuId: 'S3', qty: 12 }],
        })
      ).status,
    ).toBe(200);
    const line = {
      id: 'SO-7/1',
      orderId: 'SO-7',
      lineNo: 1,
      skuId: 'S3',
      customerId: 'C7',
      customerTier: 2,
      orderedAt: '2026-11-24T10:00:00Z',
      promisedBy: '2026-11-30T10:00:00Z',
      shipComplete: false,
      carrier: 'DPD',
      cutoffAt: null,
      qtyOrdered: 3,
      qtyBackordered: 3,
    };
    expect((await admin('POST', '/orders', { lines: [line] })).status).toBe(200);
    expect((await admin('POST', '/orders', { lines: [line] })).status).toBe(422);
    expect(
      (await admin('POST', '/lines/SO-7%2F1/cancel', { reason: 'customer called' })).status,
    ).toBe(200);
    expect(
      (
        await admin('POST', '/expected-receipts', {
          id: 'ER-1',
          skuId: 'S1',
          qty: 100,
          expectedAt: '2026-12-02T07:00:00Z',
        })
      ).status,
    ).toBe(200);
    const bad = await admin('POST', '/stock-receipts', {
      receipts: [{ locationId: 'L5', skuId: 'S3', qty: -1 }],
    });
    expect(bad.status).toBe(400);
    // Every admin action is in the log, the refused one too.
    const logged = await t.db.query<{ type: string; status: string }>(
      "SELECT type, status FROM events WHERE source = 'admin' ORDER BY log_id",
    );
    expect(logged.map((s) => `${s.type} ${s.status}`)).toEqual([
      'oms.stock-received accepted',
      'oms.backorder-lines-added accepted',
      'oms.backorder-lines-added rejected',
      'oms.backorder-line-cancelled accepted',
      'oms.expected-receipt-recorded accepted',
    ]);
  });

  it('never writes a token, a PIN or an enrollment code to its log', async () => {
    const { code } = (await (await admin('POST', '/enrollment-codes', {})).json()) as {
      code: string;
    };
    const enrolled = (await (
      await fetch(`${server.url}/api/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'log test' }),
      })
    ).json()) as { token: string };
    await admin('POST', '/operators', {
      badge: 'LOG1',
      name: 'Lo Gan',
      role: 'packer',
      pin: '97531',
    });
    await fetch(`${server.url}/api/v1/pull`, {
      headers: { authorization: `Bearer ${enrolled.token}` },
    });
    const all = logs.join('');
    expect(all).toContain('/api/v1/enroll');
    for (const secret of [ADMIN, enrolled.token, enrolled.token.split('.')[2]!, code, '97531'])
      expect(all).not.toContain(secret);
  });
});
