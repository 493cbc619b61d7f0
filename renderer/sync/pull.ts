import type { FillwaveDb } from '../db/fillwave-db';
import { ENTITY_TABLE_NAMES } from '../db/entity-tables';
import type { ApiOutcome, SyncApi } from './api';
import type { SortedPage } from './apply-page';
import { sortInThread, type PageSorter } from './page-sorter';
import { acceptedEvents } from './outbox';
import { expireSent, moveToSent, pruneSent, recallSent } from './sent';
import { KEYS, readState, writeState } from './sync-state';

// A place a test can make the pull fail, as a crash would: before fetching, after fetching,
// inside the page's transaction, after it committed.
export type StepHook = (step: string) => void;
const noHook: StepHook = () => undefined;

// resent: events taken back from `sent` after a 410, to push again.
export type PullOutcome =
  | { kind: 'done'; pages: number; records: number; resent: number }
  | Exclude<ApiOutcome<unknown>, { kind: 'ok' }>;

// The server's largest page: fewer round trips on a first sync of 100,000 lines.
export const PAGE_SIZE = 5000;

// Writes one page's rows and its checkpoint in ONE transaction: a crash at any moment leaves
// rows and checkpoint consistent, so the next pull neither skips nor doubles anything.
// The last page of a pull also moves the events the server had accepted before it began into
// `sent`: their effect is in the rows now, so the screen stops laying them over in the same
// commit, and they are kept a while in case the server is restored and needs them again.
const storePage = async (
  db: FillwaveDb,
  page: SortedPage,
  checkpoint: string,
  step: StepHook,
  settled: readonly string[],
  now: Date,
) => {
  const tables = [
    ...ENTITY_TABLE_NAMES.map((n) => db.table(n)),
    db.quarantine,
    db.syncState,
    db.outbox,
    db.sent,
  ];
  await db.transaction('rw', tables, async () => {
    for (const [table, rows] of page.puts) await db.table(table).bulkPut(rows);
    step('pull:rows-written');
    for (const [table, ids] of page.deletes) await db.table(table).bulkDelete(ids);
    // Quarantine is almost always empty: look it up once, not once per record.
    if (page.cleared.length && (await db.quarantine.count()) > 0) {
      await db.quarantine
        .where('[entity+id]')
        .anyOf(page.cleared.map((c) => [c.entity, c.id]))
        .delete();
    }
    if (page.quarantined.length) await db.quarantine.bulkAdd(page.quarantined);
    step('pull:before-checkpoint');
    await writeState(db, KEYS.checkpoint, checkpoint);
    if (settled.length) {
      const still = await db.outbox
        .where('id')
        .anyOf(settled)
        .filter((e) => e.status === 'accepted')
        .toArray();
      await moveToSent(db, still, now);
    }
  });
};

// Pulls every page since the stored checkpoint. A 410 (the server does not know the checkpoint:
// it was replaced or restored) empties the pulled tables and starts over; the outbox stays, and
// the kept sent events go back into it to be pushed again (the server may have lost them).
export const pull = async (
  db: FillwaveDb,
  api: SyncApi,
  options: { now: () => Date; step?: StepHook; pageSize?: number; sort?: PageSorter },
): Promise<PullOutcome> => {
  const step = options.step ?? noHook;
  let pages = 0;
  let records = 0;
  let resynced = false;
  let resent = 0;
  const size = options.pageSize ?? PAGE_SIZE;
  // The next page is asked for while this one is stored; it is stored only after this one
  // committed, so order and crash safety are as without it.
  let prefetched: ReturnType<SyncApi['pull']> | null = null;
  let accepted = await acceptedEvents(db);
  for (;;) {
    const checkpoint = (await readState<string>(db, KEYS.checkpoint)) ?? null;
    step('pull:before-fetch');
    const answer = await (prefetched ?? api.pull(checkpoint, size));
    prefetched = null;
    if (answer.kind === 'gone' && !resynced) {
      resynced = true;
      resent = await db.transaction(
        'rw',
        [
          ...ENTITY_TABLE_NAMES.map((n) => db.table(n)),
          db.quarantine,
          db.syncState,
          db.outbox,
          db.sent,
        ],
        async () => {
          for (const n of ENTITY_TABLE_NAMES) await db.table(n).clear();
          await db.quarantine.clear();
          await db.syncState.delete(KEYS.checkpoint);
          return recallSent(db);
        },
      );
      accepted = [];
      continue;
    }
    if (answer.kind !== 'ok') return answer;
    step('pull:fetched');
    if (answer.value.hasMore) prefetched = api.pull(answer.value.checkpoint, size);
    const page = await (options.sort ?? sortInThread)(
      answer.value.changes,
      options.now().toISOString(),
    );
    await storePage(
      db,
      page,
      answer.value.checkpoint,
      step,
      answer.value.hasMore ? [] : accepted.map((e) => e.id),
      options.now(),
    );
    step('pull:committed');
    if (answer.value.timeZone) await writeState(db, KEYS.timeZone, answer.value.timeZone);
    pages++;
    records += answer.value.changes.length;
    await writeState(db, KEYS.pullProgress, { records, pages });
    if (!answer.value.hasMore) {
      await writeState(db, KEYS.lastSync, options.now().toISOString());
      // The full budget check reads every kept event: only when some were added.
      if (accepted.length) await pruneSent(db, options.now());
      else await expireSent(db, options.now());
      return { kind: 'done', pages, records, resent };
    }
  }
};
