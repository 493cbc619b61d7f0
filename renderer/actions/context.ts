import type { ActionContext } from '../sync/outbox';

export type { ActionContext };

// Every event carries who did it, when (the device clock) and a fresh id.
export const actionContext = (operatorId: string): ActionContext => ({
  operatorId,
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
});
