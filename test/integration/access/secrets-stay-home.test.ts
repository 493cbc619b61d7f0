// What a device is sent, and what it is not (issue 12, point 8), over real HTTP: no admin event
// and no code hash in any pull; only the PIN records of the roles the device may sign in; leads'
// new PINs of 6 digits or more; a revocation that names the PIN records the device held.
import { randomUUID, webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkPin } from '../../../renderer/auth/check-pin';
import { migrate } from '../../../server/db/migrate';
import { systemClock } from '../../../server/clock';
import { OperatorSchema, type Operator } from '../../../shared/domain/operator';
import { EnrollResponseSchema } from '../../../shared/sync-api/enroll';
import { PullPageSchema, type Change } from '../../../shared/sync-api/pull';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { enrollmentServers } from '../../fixtures/enrollment-servers';
import { availableDbKinds } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { OPERATORS, seedWorld } from '../../fixtures/world';

const kinds = await availableDbKinds();
const ADMIN = 'secrets-admin-token-0123456789abc';
const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe.each(kinds)('secrets stay home on %s', (kind) => {
  const registry = testRegistry();

  const env = enrollmentServers(kind, { registry, adminToken: ADMIN });
  beforeEach(async () => {
    await env.t.reset();
    await seedWorld(env.t.db, registry, systemClock);
  });

  const admin = async (method: string, path: string, body?: unknown) =>
    fetch(`${env.server.url}/api/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async (res: Promise<Response>) => {
    const answer = await res;
    expect(answer.status, await answer.clone().text()).toBe(200);
    return (await answer.json()) as Record<string, unknown>;
  };
  const enrollWith = async (body: object, base = env.server.url) => {
    const res = await fetch(`${base}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return EnrollResponseSchema.parse(await res.json());
  };
  const deviceFor = async (roles?: string[]) => {
    const { code } = (await ok(admin('POST', '/enrollment-codes', roles ? { roles } : {}))) as {
      code: string;
    };
    return enrollWith({ code, name: `device for ${roles?.join('+') ?? 'all'}` });
  };
  // Every page from a checkpoint (the start by default), as one list, and the checkpoint after.
  const pullAll = async (token: string, from = '') => {
    const changes: Change[] = [];
    let checkpoint = from;
    for (;;) {
      const res = await fetch(
        `${env.server.url}/api/v1/pull?limit=500${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(200);
      const page = PullPageSchema.parse(await res.json());
      changes.push(...page.changes);
      checkpoint = page.checkpoint;
      if (!page.hasMore) return { changes, checkpoint };
    }
  };
  // Pulls until the changes hold what the test wrote. The stream shows a transaction only once
  // every older one in the cluster has ended (docs/sync-api.md), and this PostgreSQL may be
  // shared with other tests' open transactions: wait for them rather than fail.
  const pullUntil = async (token: string, has: (changes: Change[]) => boolean, from = '') => {
    const changes: Change[] = [];
    let checkpoint = from;
    for (let tries = 0; ; tries++) {
      const page = await pullAll(token, checkpoint);
      changes.push(...page.changes);
      checkpoint = page.checkpoint;
      if (has(changes) || tries >= 150) return { changes, checkpoint };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const hasStock = (qty: number) => (changes: Change[]) =>
    changes.some(
      (c) =>
        c.entity === 'event' && new RegExp(`"qty":${qty}[,}]`).test(JSON.stringify(c.row?.payload)),
    );
  const hasOperator = (id: string, role?: string) => (changes: Change[]) =>
    changes.some((c) => c.entity === 'operator' && c.id === id && (!role || c.row?.role === role));
  const operatorsIn = (changes: Change[]) => {
    const last = new Map<string, Operator>();
    for (const c of changes)
      if (c.entity === 'operator' && c.row) last.set(c.id, OperatorSchema.parse(c.row));
    return last;
  };
  const addOperators = async () => {
    await ok(
      admin('POST', '/operators', {
        id: 'op-p',
        badge: 'P1',
        name: 'Pam Pick',
        role: 'picker',
        pin: '2468',
      }),
    );
    await ok(
      admin('POST', '/operators', {
        id: 'op-l',
        badge: 'L1',
        name: 'Lou Lead',
        role: 'lead',
        pin: '864201',
      }),
    );
    await ok(
      admin('POST', '/operators', {
        id: 'op-k',
        badge: 'K1',
        name: 'Kim Pack',
        role: 'packer',
        pin: '1357',
      }),
    );
  };

  it('sends no admin event and no code hash in any pull, after codes, operators and PIN resets', async () => {
    await addOperators();
    await ok(admin('POST', '/enrollment-codes', {}));
    const device = await deviceFor();
    await ok(admin('POST', '/operators/op-p/pin', { pin: '9753' }));
    await ok(admin('POST', '/operators/op-k/deactivate'));
    await ok(
      admin('POST', '/stock-receipts', { receipts: [{ locationId: 'L1', skuId: 'S1', qty: 3 }] }),
    );
    const first = await pullUntil(device.token, hasStock(3));
    const secretsIn = async (changes: Change[]) => {
      const types = changes
        .filter((c) => c.entity === 'event' && c.row)
        .map((c) => String(c.row!.type));
      // An OMS event an admin recorded is business, and still reaches devices.
      expect(types).toContain('oms.stock-received');
      const hashes = await env.t.db.query<{ code_hash: string }>(
        'SELECT code_hash FROM enrollment_codes',
      );
      const pulled = JSON.stringify(changes);
      return {
        adminEvents: types.filter((type) => type.startsWith('admin.')),
        // The OMS's operator list carries PIN records too: it stays in the log with them.
        operatorLists: types.filter((type) => type === 'oms.operators-defined'),
        codeHashes: hashes.filter((h) => pulled.includes(h.code_hash)),
      };
    };
    const none = { adminEvents: [], operatorLists: [], codeHashes: [] };
    expect(await secretsIn(first.changes)).toEqual(none);
    // Codes for roles and for one device, pulled from the last checkpoint.
    await ok(admin('POST', '/enrollment-codes', { roles: ['picker'] }));
    await ok(admin('POST', '/enrollment-codes', { deviceId: device.deviceId }));
    await ok(
      admin('POST', '/stock-receipts', { receipts: [{ locationId: 'L1', skuId: 'S1', qty: 1 }] }),
    );
    expect(
      await secretsIn((await pullUntil(device.token, hasStock(1), first.checkpoint)).changes),
    ).toEqual(none);
    // And the log still has them all, behind the admin token.
    const logged = await env.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE type LIKE 'admin.%' AND status = 'accepted'",
    );
    expect(logged[0]!.n).toBe(9);
  });

  it("sends a device only its roles' PIN records, and names without PINs for the rest", async () => {
    await addOperators();
    const handheld = await deviceFor(['picker']);
    expect(handheld.roles).toEqual(['picker']);
    const operators = operatorsIn((await pullUntil(handheld.token, hasOperator('op-k'))).changes);
    const pam = operators.get('op-p')!;
    expect(await checkPin(pam, '2468', subtle)).toBe(true);
    for (const id of ['op-l', 'op-k']) {
      expect(operators.get(id)).toMatchObject({
        pinHash: null,
        pinSalt: null,
        pinIterations: null,
      });
    }
    expect(operators.get('op-l')!.name).toBe('Lou Lead');
    expect(JSON.stringify([...operators.values()])).not.toContain(
      (
        await env.t.db.query<{ h: string }>("SELECT pin_hash AS h FROM operators WHERE id = 'op-l'")
      )[0]!.h,
    );

    // A station enrolled on loopback with no code signs in every role.
    const station = await enrollWith({ name: 'station' }, env.embedded.url);
    expect(station.roles).toEqual(['picker', 'lead', 'packer']);
    const all = operatorsIn((await pullUntil(station.token, hasOperator('op-k'))).changes);
    expect(await checkPin(all.get('op-l')!, '864201', subtle)).toBe(true);
    expect(await checkPin(all.get('op-k')!, '1357', subtle)).toBe(true);
  });

  it('takes the PIN record off a device when its operator moves to a role the device may not sign in', async () => {
    await addOperators();
    const handheld = await deviceFor(['picker']);
    const { checkpoint } = await pullUntil(handheld.token, hasOperator('op-k'));
    await ok(admin('PATCH', '/operators/op-p', { role: 'lead' }));
    const moved = operatorsIn(
      (await pullUntil(handheld.token, hasOperator('op-p', 'lead'), checkpoint)).changes,
    ).get('op-p');
    expect(moved).toMatchObject({ role: 'lead', pinHash: null, pinSalt: null });
  });

  it("refuses a lead's new PIN under 6 digits, and keeps a short one already set working", async () => {
    const short = await admin('POST', '/operators', {
      badge: 'L2',
      name: 'Leo',
      role: 'lead',
      pin: '1234',
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual({
      error: 'bad-request',
      message: "operator: pin: a lead's PIN has at least 6 digits",
    });
    // A picker's 4 digits are still fine; made a lead, the PIN stays until an admin resets it.
    await ok(
      admin('POST', '/operators', {
        id: 'op-x',
        badge: 'X1',
        name: 'Xu',
        role: 'picker',
        pin: '4321',
      }),
    );
    await ok(admin('PATCH', '/operators/op-x', { role: 'lead' }));
    const station = await enrollWith({ name: 'station' }, env.embedded.url);
    expect(
      await checkPin(
        operatorsIn((await pullUntil(station.token, hasOperator('op-x', 'lead'))).changes).get(
          'op-x',
        )!,
        '4321',
        subtle,
      ),
    ).toBe(true);
    const reset = await admin('POST', '/operators/op-x/pin', { pin: '98765' });
    expect(reset.status).toBe(400);
    expect(await reset.json()).toEqual({
      error: 'bad-request',
      message: "PIN: pin: a lead's PIN has at least 6 digits",
    });
    await ok(admin('POST', '/operators/op-x/pin', { pin: '987654' }));
  });

  it('names on revocation the operators whose PIN records the device held', async () => {
    await addOperators();
    await ok(
      admin('POST', '/operators', {
        id: 'op-p2',
        badge: 'P2',
        name: 'Pip Pick',
        role: 'picker',
        pin: '1111',
      }),
    );
    const handheld = await deviceFor(['picker', 'packer']);
    const answer = await ok(admin('POST', `/devices/${handheld.deviceId}/revoke`));
    // The world's operators have no PIN: there is nothing of theirs to search.
    expect(answer.pinRecordsHeld).toEqual([
      { id: 'op-k', badge: 'K1', name: 'Kim Pack', role: 'packer' },
      { id: 'op-p', badge: 'P1', name: 'Pam Pick', role: 'picker' },
      { id: 'op-p2', badge: 'P2', name: 'Pip Pick', role: 'picker' },
    ]);
    const listed = (await ok(admin('GET', '/devices'))) as {
      devices: { id: string; roles: string[] }[];
    };
    expect(listed.devices.find((d) => d.id === handheld.deviceId)?.roles).toEqual([
      'picker',
      'packer',
    ]);
  });

  it('refuses roles that are not roles, by field', async () => {
    const res = await admin('POST', '/enrollment-codes', { roles: ['picker', 'boss'] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^enrollment code: roles\.1: /,
    );
    expect((await admin('POST', '/enrollment-codes', { roles: [] })).status).toBe(400);
    expect((await admin('POST', '/enrollment-codes', { roles: ['lead', 'lead'] })).status).toBe(
      400,
    );
    expect(await env.t.db.query('SELECT 1 FROM enrollment_codes')).toEqual([]);
  });

  it('upgrading blanks the admin events already in the stream and tells devices to drop them', async () => {
    const db = await env.t.openSchema('upgrade');
    // The schema as it was before migration 006, with a code and an operator in the stream.
    await db.exec(`
      DROP TRIGGER events_change ON events;
      CREATE TRIGGER events_change AFTER INSERT ON events FOR EACH ROW WHEN (NEW.status = 'accepted') EXECUTE FUNCTION record_change('event');
      ALTER TABLE devices DROP COLUMN roles;
      ALTER TABLE enrollment_codes DROP COLUMN roles, DROP COLUMN device_id;
      DELETE FROM schema_migrations WHERE version = 6;`);
    const hash = 'ab'.repeat(32);
    const event = (id: string, source: string, type: string, payload: object) =>
      db.query(
        `INSERT INTO events (id, source, type, payload, at, received_at, content_hash, status)
         VALUES ($1, $2, $3, $4, now(), now(), 'h', 'accepted')`,
        [id, source, type, JSON.stringify(payload)],
      );
    await event('e-code', 'admin', 'admin.enrollment-code-issued', {
      codeHash: hash,
      expiresAt: '2026-12-01T00:00:00Z',
    });
    await event('e-ops', 'server', 'oms.operators-defined', { operators: [], pinHash: hash });
    await event('e-stock', 'admin', 'oms.stock-received', { receipts: [] });
    const before = await db.query<{ pos: number }>(
      "SELECT pos FROM changes WHERE entity = 'event'",
    );
    expect(before).toHaveLength(3);

    expect(await migrate(db)).toEqual([6]);
    const after = await db.query<{ pos: number; id: string; row: unknown }>(
      "SELECT pos::int AS pos, id, row FROM changes WHERE entity = 'event' ORDER BY pos",
    );
    expect(JSON.stringify(after)).not.toContain(hash);
    // Where they stood: blanked (checkpoints still name real positions); after them, tombstones.
    expect(after.map((c) => [c.id, c.row === null])).toEqual([
      ['e-code', true],
      ['e-ops', true],
      ['e-stock', false],
      ['e-code', true],
      ['e-ops', true],
    ]);
    expect(after.slice(0, 3).map((c) => c.pos)).toEqual(before.map((c) => Number(c.pos)));
  });

  it('refuses an event from a device naming an operator of a role it may not sign in', async () => {
    const handheld = await deviceFor(['picker']);
    let seq = 0;
    const push = async (operatorId: string, type: string, payload: object) => {
      seq += 1;
      const res = await fetch(`${env.server.url}/api/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handheld.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          events: [
            {
              id: randomUUID(),
              epoch: handheld.epoch,
              seq,
              type,
              deviceId: handheld.deviceId,
              operatorId,
              at: new Date().toISOString(),
              payload,
            },
          ],
        }),
      });
      expect(res.status).toBe(200);
      return PushResponseSchema.parse(await res.json()).results[0]!;
    };
    // The handheld holds no lead's PIN record, so it cannot have checked one: a lead's hold
    // from it is refused, while a station with every role may send it.
    expect(
      await push(OPERATORS.lead, 'backorder-line.held', { backorderLineId: 'SO-3/1', reason: 'x' }),
    ).toMatchObject({
      status: 'rejected',
      code: 'role-not-on-device',
      message: 'Lee Lead is a lead, and this device is not enrolled to sign leads in.',
    });
    const [line] = await env.t.db.query<{ status: string }>(
      "SELECT status FROM backorder_lines WHERE id = 'SO-3/1'",
    );
    expect(line!.status).toBe('open');
  });
});
