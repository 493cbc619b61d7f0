// A server started over on an empty data folder, as a new site does after trying the demo: a
// device that pulls (nothing of its own waiting, so no push) learns that the server no longer
// knows it, and enrolling again works; an event it recorded meanwhile is sent, and the server's
// refusal (the line is not on the new server) is kept for a person to read, never dropped.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { FillwaveDb } from '../../../renderer/db/fillwave-db';
import { createSyncApi } from '../../../renderer/sync/api';
import { syncOnce, syncUntilCalm } from '../../../renderer/sync/engine';
import { enroll } from '../../../renderer/sync/enroll';
import { recordAction } from '../../../renderer/sync/outbox';
import { KEYS, readState, type DeviceIdentity } from '../../../renderer/sync/sync-state';
import { seededRng } from '../../../shared/random';
import { atServer } from '../../fixtures/device';
import { freePort } from '../../fixtures/free-port';
import { spawnServer, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

let running: Running | undefined;
afterAll(async () => {
  await running?.stop();
});

const clock = {
  now: () => new Date(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 2000))),
};

const apiOf = async (db: FillwaveDb, url: string) => {
  const identity = (await readState<DeviceIdentity>(db, KEYS.identity))!;
  return createSyncApi(identity.token, atServer(url));
};

const calm = async (db: FillwaveDb, url: string) => {
  let rounds = 0;
  return syncUntilCalm(db, await apiOf(db, url), clock, {
    random: seededRng(3),
    shouldStop: () => ++rounds > 20,
  });
};

describe('a server reset under an enrolled device', () => {
  it('makes the device ask to enroll again at its next pull; enrolling again works and its waiting event is answered, not dropped', async () => {
    const port = await freePort();
    running = await spawnServer(port, tempData(), { demo: 20, timeoutMs: 180_000 });
    const url = running.url;
    const db = new FillwaveDb(`server-reset-${randomUUID()}`);
    await db.open();
    expect((await enroll(db, { code: '', name: 'Handheld' }, randomUUID, atServer(url))).ok).toBe(
      true,
    );
    expect(await calm(db, url)).toEqual({ ok: true });
    expect(await db.backorderLines.count()).toBe(20);

    // The reset: stopped, started again on the same address over an empty data folder.
    await running.stop();
    running = await spawnServer(port, tempData(), { timeoutMs: 180_000 });

    // Nothing waits, so the round is a pull alone: its 401 must say "enroll again" too.
    expect(await db.outbox.count()).toBe(0);
    const round = await syncOnce(db, await apiOf(db, url), clock);
    expect(round.ok).toBe(false);
    expect(!round.ok && round.outcome.kind).toBe('unauthorized');
    expect(await readState<boolean>(db, KEYS.needsEnrollment)).toBe(true);
    // The device still shows what it had, and still records work.
    const line = (await db.backorderLines.toArray()).find(
      (l) => l.status === 'open' && l.qtyAllocated === 0,
    )!;
    const held = await recordAction(
      db,
      'backorder-line.held',
      { backorderLineId: line.id, reason: 'damaged box' },
      { operatorId: 'op-lead-1', now: () => new Date(), newId: () => randomUUID() },
    );
    expect(held.ok).toBe(true);
    const eventId = (await db.outbox.toArray())[0]!.id;

    const again = await enroll(db, { code: '', name: 'Handheld' }, randomUUID, atServer(url));
    expect(again.ok).toBe(true);
    expect(await readState<boolean>(db, KEYS.needsEnrollment)).toBe(false);
    expect(await calm(db, url)).toEqual({ ok: true });

    // The new server has none of the old lines: the device now shows its (empty) data, and the
    // event sent there was answered with a sentence kept under Sync problems.
    expect(await db.backorderLines.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const refusal = await db.rejected.get(eventId);
    // The operator who recorded it is the old server's: the new one knows neither them nor the line.
    expect(refusal?.code).toBe('operator-unknown');
    expect(refusal?.message).toMatch(/\w+ \w+/);
    db.close();
  }, 300_000);
});
