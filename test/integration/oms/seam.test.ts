// The seam any OMS connector plugs into (server/oms/connector.ts), driven by a small OMS kept in
// memory: what the runner promises every connector, whatever its OMS. Each event reaches the OMS
// once and in the log's order, even when an answer is lost after the OMS took it; imports become
// logged events; expected deliveries come in when the OMS has them, and an unchanged one read
// again adds nothing. (test/integration/oms/vendure.test.ts runs the same against a real Vendure.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sku } from '../../../shared/domain/sku';
import type { FeedEntry } from '../../../shared/sync-api/feed';
import { systemClock } from '../../../server/clock';
import { databaseId } from '../../../server/db/migrate';
import {
  OmsUnreachable,
  type ExpectedReceipt,
  type ExportOutcome,
  type NewBackorderLine,
  type OmsConnector,
  type OmsImport,
} from '../../../server/oms/connector';
import { OmsRunner } from '../../../server/oms/runner';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';

const SKU: Sku = {
  id: 'S-RED',
  sku: 'RED-1',
  description: 'Red widget',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [{ code: '4006381333931', kind: 'each', units: 1 }],
};

const line = (n: number): NewBackorderLine => ({
  id: `PO-${n}/1`,
  orderId: `PO-${n}`,
  lineNo: 1,
  skuId: SKU.id,
  customerId: 'c1',
  customerTier: 3,
  qtyOrdered: 2,
  qtyBackordered: 2,
  orderedAt: '2026-11-30T10:00:00.000Z',
  promisedBy: '2026-12-05T10:00:00.000Z',
  shipComplete: false,
  carrier: 'DHL',
  cutoffAt: null,
});

// An OMS in memory: it hands out what changed since a cursor, and keeps what it was sent by
// Fillwave event id, looked up before posting, as a real connector must.
class MemoryOms implements OmsConnector {
  readonly name = 'memory';
  lines: NewBackorderLine[] = [];
  receipts: ExpectedReceipt[] = [];
  readonly posted = new Map<string, string>();
  readonly postings: string[] = [];
  loseAnswerTo: string | null = null;

  async importChanges(cursor: string | null): Promise<OmsImport> {
    const from = Number(cursor ?? 0);
    return {
      skus: [SKU],
      lines: this.lines.slice(from),
      wanted: [],
      expectedReceipts: this.receipts,
      cursor: String(this.lines.length),
    };
  }

  async exportEntry(entry: FeedEntry): Promise<ExportOutcome> {
    if (this.posted.has(entry.event.id)) return { kind: 'done', posted: false };
    this.posted.set(entry.event.id, entry.event.type);
    this.postings.push(entry.event.id);
    if (this.loseAnswerTo === entry.event.type) {
      this.loseAnswerTo = null;
      throw new OmsUnreachable('the answer was lost on the way back');
    }
    return { kind: 'done', posted: true };
  }
}

describe('the OMS connector seam', () => {
  let t: TestDatabase;
  let dbId: string;
  const registry = testRegistry();
  const runners: OmsRunner[] = [];
  const oms = new MemoryOms();
  const runner = () => {
    const r = new OmsRunner({
      db: t.db,
      registry,
      clock: systemClock,
      databaseId: dbId,
      connector: oms,
      stockOwner: 'fillwave',
    });
    runners.push(r);
    return r;
  };
  const logged = async (type: string) =>
    (
      await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM events WHERE type = $1 AND status = 'accepted'",
        [type],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    dbId = await databaseId(t.db);
  }, 120_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await t?.dispose();
  });

  it('imports lines and expected deliveries as logged events; an unchanged delivery read again adds nothing', async () => {
    oms.lines = [line(1), line(2)];
    oms.receipts = [
      { id: 'ASN-1', skuId: SKU.id, qty: 12, expectedAt: '2026-12-02T08:00:00.000Z' },
    ];
    const first = runner();
    expect(await first.round()).toMatchObject({ ran: true, imported: 2 });
    expect(await t.db.query('SELECT id, qty FROM expected_receipts ORDER BY id')).toEqual([
      { id: 'ASN-1', qty: 12 },
    ]);
    expect(await first.round()).toMatchObject({ ran: true, imported: 0 });
    expect(await logged('oms.expected-receipt-recorded')).toBe(1);
    // The OMS moves the delivery: its figure replaces Fillwave's, once.
    oms.receipts = [{ ...oms.receipts[0]!, qty: 20 }];
    await first.round();
    await first.round();
    expect(await logged('oms.expected-receipt-recorded')).toBe(2);
    expect(await t.db.query('SELECT qty FROM expected_receipts')).toEqual([{ qty: 20 }]);
    await first.stop();
  });

  it('carries every logged event to the OMS once and in order, when an answer is lost and another runner takes over', async () => {
    // The OMS takes the next import's lines event, and its answer never comes back: the round
    // stops with the checkpoint before that event.
    oms.lines = [...oms.lines, line(3)];
    oms.loseAnswerTo = 'oms.backorder-lines-added';
    const dropped = runner();
    await dropped.round(); // imports line 3 (a new logged event)
    expect(await dropped.round()).toMatchObject({ unreachable: expect.any(String) });
    await dropped.stop();

    const next = runner();
    await next.round();
    expect(await next.round()).toMatchObject({ ran: true, exported: 0 });
    const log = await t.db.query<{ id: string }>(
      "SELECT id FROM events WHERE status = 'accepted' ORDER BY log_id",
    );
    // Each event posted once, in the log's order, the lost one included.
    expect(oms.postings).toEqual(log.map((e) => e.id));
    expect(new Set(oms.postings).size).toBe(oms.postings.length);
    expect((await next.state())?.lag).toBe(0);
  });
});
