import type { EntityName } from '../../shared/domain/entities';

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

// Database rows are snake_case; the API speaks camelCase.
export const toApiRow = (row: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key in row) out[camel(key)] = row[key];
  return out;
};

// An event row carries server bookkeeping (hash, epoch, seq, log position) that devices do
// not need: they get what EventRecordSchema names.
export const toEntityRow = (
  entity: EntityName,
  row: Record<string, unknown>,
): Record<string, unknown> =>
  entity === 'event'
    ? {
        id: row.id,
        type: row.type,
        source: row.source,
        deviceId: row.device_id,
        operatorId: row.operator_id,
        at: row.at,
        receivedAt: row.received_at,
        payload: row.payload,
      }
    : toApiRow(row);
