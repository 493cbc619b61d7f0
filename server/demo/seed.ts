import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { recordServerEvent } from '../events/server-events';
import type { EventRegistry } from '../events/registry';
import { hashPin } from '../auth/pin-hash';
import { generateDemo } from './generate';

// The demo operators' PINs (README says so): a lead's has at least 6 digits (shared/auth/pin-rule.ts).
// A real site sets PINs with npm run admin.
export const DEMO_PIN = '1234';
export const DEMO_LEAD_PIN = '123456';

const CHUNK = 2000;

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

// Seeds an empty database through the event log, as OMS events, so the seed replays like
// everything else. Refuses a database that already has backorder lines.
export const seedDemo = async (
  db: Db,
  registry: EventRegistry,
  clock: Clock,
  options: { lines: number; seed?: number },
): Promise<{ lines: number; skus: number; locations: number }> => {
  const [{ n }] = (await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM backorder_lines',
  )) as [{ n: number }];
  if (n > 0)
    throw new Error(
      `--demo needs an empty database; this one has ${n} backorder lines. Start without --demo to keep using them, or start over: stop the server and remove its data folder, or give --data ANOTHER_FOLDER.`,
    );
  const data = generateDemo({
    seed: options.seed ?? 42,
    lines: options.lines,
    today: clock.now().toISOString().slice(0, 10),
  });
  const record = async (type: string, payload: unknown) => {
    const outcome = await recordServerEvent(db, registry, clock, type, payload);
    if (!outcome.ok) throw new Error(`demo seed: ${type} was rejected: ${outcome.message}`);
  };
  for (const part of chunks(data.locations)) {
    await record('oms.layout-defined', { layout: data.layout, locations: part });
  }
  for (const part of chunks(data.skus)) await record('oms.skus-defined', { skus: part });
  for (const part of chunks(data.receipts)) await record('oms.stock-received', { receipts: part });
  const pin = hashPin(DEMO_PIN);
  const leadPin = hashPin(DEMO_LEAD_PIN);
  await record('oms.operators-defined', {
    operators: data.operators.map((o) => ({ ...o, ...(o.role === 'lead' ? leadPin : pin) })),
  });
  for (const part of chunks(data.lines)) await record('oms.backorder-lines-added', { lines: part });
  for (const part of chunks(data.days)) await record('oms.daily-counts-recorded', { days: part });
  return { lines: data.lines.length, skus: data.skus.length, locations: data.locations.length };
};
