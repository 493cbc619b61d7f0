import { z } from 'zod';
import { describeIssues } from '../../shared/describe-issues';
import type { WalkState } from '../../shared/picking/tour-controller';
import { ENTRY_KINDS } from '../../shared/sync-api/events/picker';

// Where the picker is inside a tour between events: the tasks skipped for now and the scans of
// the task in hand. Kept per tour in localStorage, so a reload, a crash or a sign-out (pause)
// comes back to the same place; every finished step is an event and needs none of this.
export type { WalkState };

const TaskIdSchema = z.string().min(1).max(200);
const LabelTextSchema = z.string().max(200);

// localStorage is anyone's to edit and outlives app versions: what comes back is checked, and a
// copy that does not fit is dropped (the picker starts the task in hand again, nothing is lost).
const PickStepSchema = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('location'), taskId: TaskIdSchema }),
  z.strictObject({ step: z.literal('item'), taskId: TaskIdSchema }),
  z.strictObject({
    step: z.literal('count'),
    taskId: TaskIdSchema,
    units: z.number().int().min(0).max(1_000_000),
    label: z.strictObject({
      lot: LabelTextSchema.optional(),
      serial: LabelTextSchema.optional(),
      expiry: LabelTextSchema.optional(),
    }),
    entry: z.enum(ENTRY_KINDS).optional(),
  }),
]);

const WalkStateSchema = z.strictObject({
  skipped: z.array(TaskIdSchema).max(10_000),
  step: PickStepSchema.nullable(),
});

const key = (tourId: string) => `fillwave.walk.${tourId}`;

const fresh = (): WalkState => ({ skipped: [], step: null });

export const loadWalk = (tourId: string): WalkState => {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key(tourId));
  } catch {
    return fresh();
  }
  if (raw === null) return fresh();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = WalkStateSchema.safeParse(json);
  if (parsed.success) return parsed.data as WalkState;
  console.warn(
    `Tour ${tourId}: the stored walk state is not readable and was dropped (${
      json === undefined ? 'not JSON' : describeIssues(parsed.error)
    }).`,
  );
  forgetWalk(tourId);
  return fresh();
};

export const saveWalk = (tourId: string, state: WalkState) =>
  localStorage.setItem(key(tourId), JSON.stringify(state));

export const forgetWalk = (tourId: string) => {
  try {
    localStorage.removeItem(key(tourId));
  } catch {
    // Storage unavailable: nothing was kept to forget.
  }
};
