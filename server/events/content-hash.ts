import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';

// What makes two sends "the same event": everything but epoch and seq, which change when a
// device renumbers its unanswered events into a new epoch.
export const contentHash = (e: {
  id: string;
  type: string;
  deviceId: string | null;
  operatorId: string | null;
  at: string;
  payload: unknown;
}): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        id: e.id,
        type: e.type,
        deviceId: e.deviceId,
        operatorId: e.operatorId,
        at: new Date(e.at).toISOString(),
        payload: e.payload ?? null,
      }),
    )
    .digest('hex');
