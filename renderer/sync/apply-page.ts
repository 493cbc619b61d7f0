import { ENTITY_SCHEMAS, type EntityName } from '../../shared/domain/entities';
import type { Change } from '../../shared/sync-api/pull';
import { entityNameFirst } from '../../shared/domain/entity-words';
import { sayIssues } from '../../shared/say-issues';
import type { QuarantinedRecord } from '../db/fillwave-db';
import { ENTITY_TABLES, type EntityTableName } from '../db/entity-tables';

export interface SortedPage {
  puts: Map<EntityTableName, Record<string, unknown>[]>;
  deletes: Map<EntityTableName, string[]>;
  quarantined: QuarantinedRecord[];
  // Valid rows whose earlier bad versions can leave quarantine.
  cleared: { entity: string; id: string }[];
}

// Checks each record of a page against its entity's schema and sorts the page into bulk writes
// per table. A bad record is quarantined with its reason; the rest of the page applies. Pure,
// so the heavy part of a large pull can run in a worker.
export const sortPage = (changes: readonly Change[], at: string): SortedPage => {
  const page: SortedPage = { puts: new Map(), deletes: new Map(), quarantined: [], cleared: [] };
  // Later changes of the same row win: keep each row's last change only.
  const last = new Map<string, Change>();
  for (const c of changes) last.set(`${c.entity}|${c.id}`, c);
  for (const c of last.values()) {
    const table = ENTITY_TABLES[c.entity as EntityName];
    if (c.row === null) {
      page.deletes.set(table, [...(page.deletes.get(table) ?? []), c.id]);
      continue;
    }
    const parsed = ENTITY_SCHEMAS[c.entity as EntityName].safeParse(c.row);
    if (!parsed.success || (parsed.data as { id: string }).id !== c.id) {
      // In words on the sync problems screen; the row itself is kept for whoever looks closer.
      const why = parsed.success
        ? 'It names another record than the change that carried it.'
        : sayIssues(parsed.error);
      page.quarantined.push({
        entity: c.entity,
        id: c.id,
        reason: `${entityNameFirst(c.entity)} from the server could not be read here, so this device left it out. ${why}`,
        row: c.row,
        at,
      });
      continue;
    }
    page.puts.set(table, [...(page.puts.get(table) ?? []), parsed.data as Record<string, unknown>]);
    page.cleared.push({ entity: c.entity, id: c.id });
  }
  return page;
};
