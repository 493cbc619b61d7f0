import { refusalSubject, tourName, type RefusalNames } from '../../shared/outcomes/refusal-subject';
import { describeRefusal, type RefusalNotice } from '../../shared/outcomes/refusal-words';
import type { FillwaveDb, RejectedEvent } from '../db/fillwave-db';
import { appendSyncLog, PARKED_CODE } from './park';

// A refusal as a person sees it: the record, its notice, and who acted and who acknowledged,
// by name.
export interface Refusal {
  record: RejectedEvent;
  notice: RefusalNotice;
  actor: string | null;
  acknowledgedBy: string | null;
}

// Parked events are the server failing, not refusing: they have their own Retry and Discard.
export const isRefusal = (r: RejectedEvent) => r.code !== PARKED_CODE;

const nameOf = async (db: FillwaveDb, id: string | null | undefined) =>
  id ? (await db.operators.get(id))?.name : undefined;

const stringField = (row: unknown, field: string): string | undefined => {
  const v = (row as Record<string, unknown> | undefined)?.[field];
  return typeof v === 'string' ? v : undefined;
};

// The names the device holds for what the event was about (its pulled rows); none for what it
// no longer has, and the words say "the tour" rather than show an id.
const namesFor = async (
  db: FillwaveDb,
  r: RejectedEvent,
): Promise<{ names: RefusalNames; tourId?: string }> => {
  const s = refusalSubject(r.payload);
  const task = s.pickTaskId ? await db.pickTasks.get(s.pickTaskId) : undefined;
  const pick = s.pickId ? await db.picks.get(s.pickId) : undefined;
  const tourId = s.tourId ?? stringField(task, 'tourId') ?? stringField(pick, 'tourId');
  const tour = tourId ? await db.tours.get(tourId) : undefined;
  const waveId = s.waveId ?? stringField(tour, 'waveId');
  const waveName =
    s.waveName ?? stringField(waveId ? await db.waves.get(waveId) : undefined, 'name');
  const sequence = (tour as { sequence?: unknown } | undefined)?.sequence;
  const skuId = s.skuId ?? stringField(task, 'skuId');
  const locationId = s.locationId ?? stringField(task, 'locationId');
  const names: RefusalNames = {
    actor: await nameOf(db, r.operatorId),
    wave: waveName,
    tour: waveName && typeof sequence === 'number' ? tourName(waveName, sequence) : undefined,
    picker: await nameOf(db, s.pickerId),
    line: s.backorderLineId,
    location: stringField(locationId ? await db.locations.get(locationId) : undefined, 'code'),
    sku: stringField(skuId ? await db.skus.get(skuId) : undefined, 'sku'),
    order: s.orderId,
  };
  return { names, tourId };
};

export const toRefusal = async (db: FillwaveDb, r: RejectedEvent): Promise<Refusal> => {
  const { names, tourId } = await namesFor(db, r);
  return {
    record: r,
    notice: describeRefusal(r, names, tourId),
    actor: names.actor ?? null,
    acknowledgedBy: r.acknowledgedAt ? ((await nameOf(db, r.acknowledgedBy)) ?? null) : null,
  };
};

// Every refusal on this device, newest answer first.
export const listRefusals = async (db: FillwaveDb): Promise<Refusal[]> => {
  const rows = await db.rejected.orderBy('answeredAt').reverse().toArray();
  return Promise.all(rows.filter(isRefusal).map((r) => toRefusal(db, r)));
};

// The bar's count: refusals nobody has acknowledged yet.
export const unacknowledgedCount = async (db: FillwaveDb): Promise<number> =>
  db.rejected.filter((r) => isRefusal(r) && !r.acknowledgedAt).count();

// A person read the refusal: marked on the record (so a reload keeps it) and written in the
// device's sync log, in one transaction.
export const acknowledgeRefusal = async (
  db: FillwaveDb,
  id: string,
  by: string | null,
  now: Date,
): Promise<void> => {
  const before = await db.rejected.get(id);
  if (!before || !isRefusal(before) || before.acknowledgedAt) return;
  // Named before the write: the log line says who and what in words, as the notice did.
  const { notice } = await toRefusal(db, before);
  const who = (await nameOf(db, by)) ?? 'nobody signed in';
  await db.transaction('rw', db.rejected, db.syncState, async () => {
    const r = await db.rejected.get(id);
    if (!r || r.acknowledgedAt) return;
    await db.rejected.update(id, { acknowledgedAt: now.toISOString(), acknowledgedBy: by });
    await appendSyncLog(db, {
      at: now.toISOString(),
      action: 'acknowledged',
      eventId: id,
      type: r.type,
      detail: `by ${who}: ${notice.headline}`,
    });
  });
};

// Off the list for good: acknowledged first if nobody had, and logged either way.
export const dismissRefusal = async (
  db: FillwaveDb,
  id: string,
  by: string | null,
  now: Date,
): Promise<void> => {
  await acknowledgeRefusal(db, id, by, now);
  await db.transaction('rw', db.rejected, db.syncState, async () => {
    const r = await db.rejected.get(id);
    if (!r || !isRefusal(r)) return;
    await db.rejected.delete(id);
    await appendSyncLog(db, {
      at: now.toISOString(),
      action: 'dismissed',
      eventId: id,
      type: r.type,
      detail: 'taken off the list of sync problems',
    });
  });
};
