import { fail, type Result } from '../../shared/result';
import type { DeviceEventType, DevicePayload } from '../../shared/sync-api/events/catalogue';
import { db } from '../db/db';
import type { OutboxEvent } from '../db/fillwave-db';
import { useAppStore } from '../stores/app-store';
import { act } from './act';
import { actionContext } from './context';

export type Act = <T extends DeviceEventType>(
  type: T,
  payload: DevicePayload<T>,
) => Promise<Result<OutboxEvent>>;

// A screen's way to act, as whoever is signed in now (act.ts).
export const useAct = (): Act => {
  const operator = useAppStore((s) => s.operator);
  return (type, payload) =>
    operator
      ? act(db, type, payload, actionContext(operator.id))
      : Promise.resolve(fail('Sign in first: everything done here is recorded with who did it.'));
};
