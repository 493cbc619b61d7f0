import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snake, tableOf } from '../../../server/db/entity-tables';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';

// Every field a rule reads rows by (`where`) is the first column of an index: the server locks
// those rows FOR UPDATE, and a scan of a big table inside every pick would lock its way through.
const RULE_FILES = ['shared/event-rules', 'server/apply'];

const fieldsRulesReadBy = (): { entity: string; field: string }[] => {
  const found = new Map<string, { entity: string; field: string }>();
  for (const dir of RULE_FILES) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/where\(\s*'(\w+)',\s*'(\w+)'/g))
        found.set(`${m[1]}.${m[2]}`, { entity: m[1]!, field: m[2]! });
      for (const m of text.matchAll(/entity: '(\w+)'(?: as const)?, field: '(\w+)'/g))
        found.set(`${m[1]}.${m[2]}`, { entity: m[1]!, field: m[2]! });
    }
  }
  return [...found.values()];
};

const kinds = await availableDbKinds();

describe.each(kinds.slice(0, 1))('the rows rules read by field, on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  }, 60_000);
  afterAll(() => t?.dispose());

  it('are found through an index', async () => {
    const reads = fieldsRulesReadBy();
    // The rules read reservations, tasks, tours and totes by field (a floor's worth of rows).
    expect(reads.length).toBeGreaterThanOrEqual(10);
    const indexed = await t.db.query<{ tbl: string; col: string }>(
      `SELECT c.relname AS tbl, a.attname AS col
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]`,
    );
    const has = new Set(indexed.map((r) => `${r.tbl}.${r.col}`));
    const missing = reads
      .map((r) => `${tableOf(r.entity)}.${snake(r.field)}`)
      .filter((k) => !has.has(k));
    expect(missing, 'fields rules read rows by, with no index').toEqual([]);
  });
});
