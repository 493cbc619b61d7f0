// The lead's events and their rules, over real HTTP, on the embedded store and PostgreSQL 15.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { ANY_ROLE, DEVICE_EVENTS } from '../../../shared/sync-api/events/catalogue';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, rowOf, seedWorld, worldDevice } from '../../fixtures/world';
import { actionName } from '../../../shared/outcomes/action-words';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.each(kinds)('lead rules on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let push: Awaited<ReturnType<typeof worldDevice>>['push'];
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
    ({ push } = await worldDevice(t.db, systemClock, server.url));
  });

  const lead = (type: string, payload: unknown) => push(OPERATORS.lead, type, payload);
  const stock = async (id: string) =>
    rowOf<{ on_hand: number; reserved: number }>(t.db, 'stock', id);
  const line = async (id: string) =>
    rowOf<{
      status: string;
      qty_allocated: number;
      qty_picked: number;
      qty_short: number;
      qty_shipped: number;
    }>(t.db, 'backorder_lines', id);
  const wave = (
    waveId: string,
    tasks: { line: string; loc: string; qty: number }[],
    allocation?: unknown,
  ) => ({
    waveId,
    name: `Wave ${waveId}`,
    ...(allocation ? { allocation } : {}),
    tours: [
      {
        tourId: `${waveId}-T1`,
        sequence: 0,
        routeLengthM: 42,
        tasks: tasks.map((x, i) => ({
          pickTaskId: `${waveId}-K${i + 1}`,
          backorderLineId: x.line,
          locationId: x.loc,
          qty: x.qty,
          sequence: i,
          toteSlot: 0,
        })),
      },
    ],
  });

  it('holds an open line and releases it; refuses to hold what is not open or release what is not held', async () => {
    expect(
      await lead('backorder-line.held', { backorderLineId: 'SO-1/1', reason: 'credit check' }),
    ).toMatchObject({ status: 'accepted' });
    expect((await line('SO-1/1')).status).toBe('held');
    expect(
      await lead('allocation.committed', {
        lines: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 1 }] }],
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'nothing-allocated',
    });
    expect(await lead('backorder-line.released', { backorderLineId: 'SO-1/1' })).toMatchObject({
      status: 'accepted',
    });
    expect(await lead('backorder-line.released', { backorderLineId: 'SO-1/1' })).toMatchObject({
      status: 'rejected',
      code: 'line-not-held',
    });
    await lead('allocation.committed', {
      lines: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 2 }] }],
    });
    expect(
      await lead('backorder-line.held', { backorderLineId: 'SO-1/1', reason: 'x' }),
    ).toMatchObject({ status: 'rejected', code: 'line-not-open' });
    expect(
      await lead('backorder-line.held', { backorderLineId: 'SO-9/9', reason: 'x' }),
    ).toMatchObject({ status: 'rejected', code: 'unknown-line' });
  });

  it('allocates line by line: lines whose stock went elsewhere are refused with why, the rest reserved', async () => {
    const result = await lead('allocation.committed', {
      lines: [
        { backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] },
        {
          backorderLineId: 'SO-2/1',
          reservations: [
            { locationId: 'L1', qty: 4 },
            { locationId: 'L2', qty: 1 },
          ],
        },
        { backorderLineId: 'SO-1/2', reservations: [{ locationId: 'L3', qty: 3 }] },
        { backorderLineId: 'SO-3/1', reservations: [{ locationId: 'L3', qty: 5 }] },
      ],
    });
    expect(result).toEqual({
      id: expect.any(String),
      status: 'accepted',
      refused: [
        {
          subject: 'SO-2/1',
          code: 'over-allocated',
          message: 'Line 1 of order SO-2 has 4 left to allocate; 5 is too many.',
        },
        {
          subject: 'SO-3/1',
          code: 'stock-gone',
          message: 'Only 4 of S2 are free at L3; line 1 of order SO-3 needs 5.',
        },
      ],
    });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 10, reserved: 6 });
    expect(await stock('L3|S2')).toMatchObject({ on_hand: 7, reserved: 3 });
    expect(await line('SO-1/1')).toMatchObject({ status: 'allocated', qty_allocated: 6 });
    expect(await line('SO-2/1')).toMatchObject({ status: 'open', qty_allocated: 0 });
    // Reservations never exceed what is on hand, and the duplicate answer keeps the refusals.
    expect(
      await lead('allocation.committed', {
        lines: [
          {
            backorderLineId: 'SO-2/1',
            reservations: [
              { locationId: 'L1', qty: 4 },
              { locationId: 'L2', qty: 1 },
            ],
          },
        ],
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'nothing-allocated',
    });
  });

  it('takes no stock from a location flagged for a count', async () => {
    await t.db.query("UPDATE locations SET count_required = true WHERE id = 'L2'");
    const result = await lead('allocation.committed', {
      lines: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L2', qty: 1 }] }],
    });
    expect(result).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('Location L2 must be counted'),
    });
  });

  it('releases a wave with its allocation in the same event, all or nothing', async () => {
    const ok = await lead(
      'wave.released',
      wave(
        'W1',
        [{ line: 'SO-1/1', loc: 'L1', qty: 6 }],
        [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] }],
      ),
    );
    expect(ok).toMatchObject({ status: 'accepted' });
    expect(await line('SO-1/1')).toMatchObject({ status: 'in_wave', qty_allocated: 6 });
    expect(await rowOf(t.db, 'tours', 'W1-T1')).toMatchObject({
      status: 'released',
      picker_id: null,
    });
    expect(await rowOf(t.db, 'pick_tasks', 'W1-K1')).toMatchObject({
      order_id: 'SO-1',
      sku_id: 'S1',
      qty: 6,
      status: 'open',
    });

    const partly = await lead(
      'wave.released',
      wave(
        'W2',
        [
          { line: 'SO-1/2', loc: 'L3', qty: 3 },
          { line: 'SO-3/1', loc: 'L3', qty: 5 },
        ],
        [
          { backorderLineId: 'SO-1/2', reservations: [{ locationId: 'L3', qty: 3 }] },
          { backorderLineId: 'SO-3/1', reservations: [{ locationId: 'L3', qty: 5 }] },
        ],
      ),
    );
    expect(partly).toMatchObject({
      status: 'rejected',
      code: 'stock-gone',
      message: expect.stringMatching(/^Wave W2 was not released: Only 4 of S2/),
    });
    expect(await stock('L3|S2')).toMatchObject({ reserved: 0 });
    expect(
      await lead('wave.released', wave('W1', [{ line: 'SO-1/1', loc: 'L1', qty: 1 }])),
    ).toMatchObject({ code: 'wave-exists' });
  });

  it("puts a line's quantity in at most one live wave, and only where it is reserved", async () => {
    await lead('allocation.committed', {
      lines: [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 4 }] }],
    });
    expect(
      await lead('wave.released', wave('W1', [{ line: 'SO-1/1', loc: 'L1', qty: 3 }])),
    ).toMatchObject({ status: 'accepted' });
    expect(
      await lead('wave.released', wave('W2', [{ line: 'SO-1/1', loc: 'L1', qty: 2 }])),
    ).toMatchObject({ code: 'task-without-reservation' });
    expect(
      await lead('wave.released', wave('W3', [{ line: 'SO-1/1', loc: 'L2', qty: 1 }])),
    ).toMatchObject({ code: 'task-without-reservation' });
    expect(
      await lead('wave.released', wave('W4', [{ line: 'SO-1/1', loc: 'L1', qty: 1 }])),
    ).toMatchObject({ status: 'accepted' });
  });

  it('cancels a wave nobody started, keeping its stock reserved for its lines; refuses once a picker has it', async () => {
    const alloc = [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] }];
    await lead('wave.released', wave('W1', [{ line: 'SO-1/1', loc: 'L1', qty: 6 }], alloc));
    expect(await lead('wave.cancelled', { waveId: 'W1' })).toMatchObject({ status: 'accepted' });
    expect(await line('SO-1/1')).toMatchObject({ status: 'allocated', qty_allocated: 6 });
    expect(await rowOf(t.db, 'pick_tasks', 'W1-K1')).toMatchObject({ status: 'cancelled' });
    expect(await lead('wave.cancelled', { waveId: 'W1' })).toMatchObject({ code: 'wave-not-live' });

    await lead('wave.released', wave('W2', [{ line: 'SO-1/1', loc: 'L1', qty: 6 }]));
    expect(await push(OPERATORS.picker, 'tour.claimed', { tourId: 'W2-T1' })).toMatchObject({
      status: 'accepted',
    });
    expect(await lead('wave.cancelled', { waveId: 'W2' })).toMatchObject({
      status: 'rejected',
      code: 'wave-started',
      message: 'Wave W2 cannot be cancelled: tour 1 of Wave W2 is with Pat Picker.',
    });
  });

  it('assigns a tour to a picker ahead of time; a second claim is told who holds it', async () => {
    await lead(
      'wave.released',
      wave(
        'W1',
        [{ line: 'SO-1/1', loc: 'L1', qty: 6 }],
        [{ backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] }],
      ),
    );
    expect(
      await lead('tour.assigned', { tourId: 'W1-T1', pickerId: OPERATORS.packer }),
    ).toMatchObject({ code: 'unknown-picker' });
    expect(
      await lead('tour.assigned', { tourId: 'W1-T1', pickerId: OPERATORS.picker }),
    ).toMatchObject({ status: 'accepted' });
    expect(await push(OPERATORS.picker2, 'tour.claimed', { tourId: 'W1-T1' })).toEqual({
      id: expect.any(String),
      status: 'rejected',
      code: 'tour-taken',
      message: 'Tour 1 of Wave W1 is held by Pat Picker; take another tour.',
    });
    expect(
      await lead('tour.assigned', { tourId: 'W1-T1', pickerId: OPERATORS.picker2 }),
    ).toMatchObject({ code: 'tour-taken' });
    expect(await push(OPERATORS.picker, 'tour.claimed', { tourId: 'W1-T1' })).toMatchObject({
      status: 'accepted',
    });
    expect(await rowOf(t.db, 'tours', 'W1-T1')).toMatchObject({
      status: 'claimed',
      picker_id: OPERATORS.picker,
    });
  });

  it('switches location check digits on for every station, the other floor settings kept', async () => {
    const settings = () =>
      rowOf<{ location_check_digits: boolean; stall_minutes: number }>(
        t.db,
        'floor_settings',
        'warehouse',
      );
    expect(await lead('floor-settings.changed', { stallMinutes: 20 })).toMatchObject({
      status: 'accepted',
    });
    // Off until a lead says (migration 011's default).
    expect(await settings()).toMatchObject({ location_check_digits: false, stall_minutes: 20 });
    expect(await lead('floor-settings.changed', { locationCheckDigits: true })).toMatchObject({
      status: 'accepted',
    });
    expect(await settings()).toMatchObject({ location_check_digits: true, stall_minutes: 20 });
  });

  it('refuses every device event from an operator without its role, deactivated, or unknown', async () => {
    const wrongRole = {
      lead: OPERATORS.picker,
      picker: OPERATORS.packer,
      packer: OPERATORS.lead,
    } as const;
    for (const [type, { role }] of Object.entries(DEVICE_EVENTS)) {
      // Sign-in events take any role (test/integration/sync/pin-lock.test.ts).
      if (role === ANY_ROLE) continue;
      const result = await push(wrongRole[role], type, {});
      expect(result, type).toMatchObject({
        status: 'rejected',
        code: 'role-required',
        message: expect.stringContaining(`Only a ${role} may record ${actionName(type)};`),
      });
    }
    expect(await push(OPERATORS.retired, 'tour.claimed', { tourId: 'x' })).toMatchObject({
      code: 'operator-inactive',
      message: 'Rae Retired is deactivated and can no longer record work.',
    });
    expect(await push('op-nobody', 'tour.claimed', { tourId: 'x' })).toMatchObject({
      code: 'operator-unknown',
    });
    expect(await push(null, 'tour.claimed', { tourId: 'x' })).toMatchObject({
      code: 'operator-required',
    });
  });

  it('refuses OMS events from a device', async () => {
    expect(
      await push(OPERATORS.lead, 'oms.stock-received', {
        receipts: [{ locationId: 'L1', skuId: 'S1', qty: 100 }],
      }),
    ).toMatchObject({ code: 'unknown-type' });
    expect(await stock('L1|S1')).toMatchObject({ on_hand: 10 });
  });
});
