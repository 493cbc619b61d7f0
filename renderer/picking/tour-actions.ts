import type { ShortPickReportedSchema } from '../../shared/sync-api/events/picker';
import type { z } from 'zod';
import { db } from '../db/db';
import { recordAction, type ActionContext } from '../sync/outbox';
import { wakeSync } from '../sync/page-sync';

// Each step of a tour is one event, written with its place in the outbox in one transaction: a
// crash or a flat battery after this returns loses nothing, and the server learns it once.
const record = async (...args: Parameters<typeof recordAction>) => {
  const done = await recordAction(...args);
  if (done.ok) wakeSync();
  return done;
};

export const assignTote = (
  p: { tourId: string; toteCode: string; slot: number; orderId: string },
  ctx: ActionContext,
) => record(db, 'tote.assigned', p, ctx);

export const confirmPick = (
  p: {
    pickTaskId: string;
    qty: number;
    toteCode: string;
    lot?: string;
    serial?: string;
    expiry?: string;
  },
  ctx: ActionContext,
) => record(db, 'pick.confirmed', p, ctx);

export const reportShort = (p: z.input<typeof ShortPickReportedSchema>, ctx: ActionContext) =>
  record(db, 'short-pick.reported', p, ctx);

export const undoPick = (pickId: string, ctx: ActionContext) =>
  record(db, 'pick.undone', { pickId }, ctx);

export const completeTour = (tourId: string, ctx: ActionContext) =>
  record(db, 'tour.completed', { tourId }, ctx);

export const dropTotes = (tourId: string, packStation: string, ctx: ActionContext) =>
  record(db, 'totes.dropped', { tourId, packStation }, ctx);
