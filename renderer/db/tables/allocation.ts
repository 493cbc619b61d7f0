import { DEFAULT_FLOOR_SETTINGS, type FloorSettings } from '../../../shared/domain/floor-settings';
import {
  previewAllocation,
  type AllocationPreview,
} from '../../../shared/engines/allocation/preview';
import type { PriorityRule } from '../../../shared/engines/allocation/priority';
import type { Result } from '../../../shared/result';
import { withPending } from '../../sync/pending-view';
import { db } from '../db';
import { useLiveWithPending } from './pending';
import { readSite } from './planning';

export type { AllocationPreview, PreviewLine } from '../../../shared/engines/allocation/preview';

// How the floor runs as this device shows it: a lead's saved change shows at once, before the
// server has answered; the defaults until a lead has saved any.
export const useFloorSettings = (): FloorSettings | undefined => {
  // Pulled rows were checked against their schema on the way in (renderer/sync/pull.ts).
  const read = useLiveWithPending(
    async () => (await db.floorSettings.toArray()) as unknown as FloorSettings[],
    [],
  );
  if (!read) return undefined;
  return withPending('floorSettings', read.pulled, read.view)[0] ?? DEFAULT_FLOOR_SETTINGS;
};

// The allocation engine with these rules, on what this device shows now (the waiting events laid
// over the pulled rows, as the planner reads them).
export const previewAllocationNow = async (
  rules: readonly PriorityRule[],
): Promise<Result<AllocationPreview>> => previewAllocation(await readSite(), rules);
