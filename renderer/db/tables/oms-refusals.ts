import { useLiveQuery } from 'dexie-react-hooks';
import { OmsExportRefusedSchema, type OmsExportRefused } from '../../../shared/sync-api/events/oms';
import { db } from '../db';

export interface OmsRefusal extends OmsExportRefused {
  id: string;
  at: string;
}

// What the OMS refused of the warehouse's work (a shipment beyond its stock, say), newest first:
// the server logs each refusal (oms.export-refused) and devices pull it with the other events.
export const useOmsRefusals = (limit = 50) =>
  useLiveQuery(async (): Promise<OmsRefusal[]> => {
    const events = await db.events.where('type').equals('oms.export-refused').toArray();
    return events
      .flatMap((e) => {
        const payload = OmsExportRefusedSchema.safeParse(e.payload);
        return payload.success ? [{ ...payload.data, id: e.id, at: e.at }] : [];
      })
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, limit);
  }, [limit]);
