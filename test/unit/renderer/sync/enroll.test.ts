import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';
import { enroll } from '../../../../renderer/sync/enroll';
import { KEYS, readState } from '../../../../renderer/sync/sync-state';

const DEVICE = '6f1c1a52-3b7e-4d4e-9a51-0b8f6c1d2e3f';
const OLD_EPOCH = '11111111-1111-4111-8111-111111111111';
const EPOCH = '22222222-2222-4222-8222-222222222222';

// A server that enrolls the device as a picker only, in a new epoch.
const answer = async () =>
  new Response(
    JSON.stringify({ deviceId: DEVICE, token: 't'.repeat(43), epoch: EPOCH, roles: ['picker'] }),
    { status: 201, headers: { 'content-type': 'application/json' } },
  );

// A device with an old identity, a lead's PIN, a checkpoint and two unsent events.
const deviceWithHistory = async () => {
  const db = new FillwaveDb(`enroll-${Math.random()}`);
  await db.open();
  await db.syncState.bulkPut([
    { key: 'deviceId', value: DEVICE },
    {
      key: KEYS.identity,
      value: { deviceId: DEVICE, token: 'old', epoch: OLD_EPOCH, roles: ['lead'] },
    },
    { key: KEYS.checkpoint, value: 'c-9' },
    { key: KEYS.nextSeq, value: 12 },
    { key: KEYS.needsEnrollment, value: true },
  ]);
  await db.operators.put({
    id: 'op-1',
    badge: 'B1',
    name: 'Lee',
    role: 'lead',
    active: true,
    pinHash: 'h',
    pinSalt: 's',
    pinIterations: 1,
  } as never);
  await db.outbox.bulkAdd(
    [10, 11].map((seq) => ({
      id: `e${seq}`,
      seq,
      type: 'backorder-line.held',
      operatorId: 'op-1',
      at: '2026-11-30T10:00:00.000Z',
      payload: {},
      status: 'pending' as const,
    })),
  );
  return db;
};

const snapshot = async (db: FillwaveDb) => ({
  state: await db.syncState.toArray(),
  operators: await db.operators.toArray(),
  outbox: await db.outbox.toArray(),
});

describe('enroll', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the identity, the roles, the renumbered events and the flag together', async () => {
    const db = await deviceWithHistory();
    const done = await enroll(db, { code: 'ABC', name: 'Handheld' }, () => 'new', answer);
    expect(done.ok).toBe(true);
    expect(await readState(db, KEYS.identity)).toMatchObject({ deviceId: DEVICE, epoch: EPOCH });
    expect(await readState(db, KEYS.needsEnrollment)).toBe(false);
    expect(await readState(db, KEYS.checkpoint)).toBeUndefined();
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([1, 2]);
    expect(await readState(db, KEYS.nextSeq)).toBe(3);
    expect((await db.operators.get('op-1'))?.pinHash).toBeNull();
  });

  it('leaves nothing half-written when its last write fails, and says so', async () => {
    const db = await deviceWithHistory();
    const before = await snapshot(db);
    const put = db.syncState.put.bind(db.syncState);
    vi.spyOn(db.syncState, 'put').mockImplementation((row, key) => {
      if (row.key === KEYS.needsEnrollment) throw new Error('disk full');
      return put(row, key);
    });
    const done = await enroll(db, { code: 'ABC', name: 'Handheld' }, () => 'new', answer);
    expect(done).toEqual({
      ok: false,
      reason: 'This device could not keep its enrollment (disk full). Enroll again.',
    });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('enroll refusals in words', () => {
  it('says what is wrong with the code or the name, and asks the server nothing', async () => {
    const db = await deviceWithHistory();
    const fetchFn = vi.fn(answer);
    const long = await enroll(
      db,
      { code: 'C'.repeat(101), name: 'Handheld' },
      () => 'new',
      fetchFn,
    );
    expect(long).toEqual({
      ok: false,
      reason: 'The enrollment code is too long: at most 100 characters.',
    });
    const unnamed = await enroll(db, { code: 'ABC', name: '' }, () => 'new', fetchFn);
    expect(unnamed).toEqual({ ok: false, reason: 'The device name is empty: fill it in.' });
    expect(fetchFn).not.toHaveBeenCalled();
    expect(await readState(db, KEYS.needsEnrollment)).toBe(true);
  });
});
