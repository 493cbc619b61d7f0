import type { Tour } from '../../shared/domain/tour';
import { fail, ok, type Result } from '../../shared/result';
import { db } from '../db/db';
import { heldBy, tours } from '../db/tables/tours';
import { act } from '../actions/act';
import type { ActionContext } from '../sync/outbox';

// 'lost': someone else was first. { refused }: the server would not give this picker any tour
// now (one tour per picker, and the device had not yet seen the tour they hold).
export type ClaimAnswer = 'won' | 'lost' | 'no-answer' | { refused: string };

export interface ClaimOptions {
  // Whether the server answered the last sync round (the status area's "reachable").
  online: boolean;
  // Tours' names for people, by id ("Tour 2 of Wave 3").
  names?: ReadonlyMap<string, string>;
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// The server's answer to one claim, as the device sees it: the event rejected (someone else was
// first), or the pulled tour row naming this picker. Nothing after waitMs: no answer.
const answerTo = async (
  eventId: string,
  tourId: string,
  ctx: ActionContext,
  o: ClaimOptions,
): Promise<ClaimAnswer> => {
  const sleep = o.sleep ?? pause;
  const deadline = ctx.now().getTime() + (o.waitMs ?? 8000);
  for (;;) {
    const rejected = await db.rejected.get(eventId);
    if (rejected) {
      // The picker is told here; nothing is left for the sync problems screen.
      await db.rejected.delete(eventId);
      return rejected.code === 'one-tour-at-a-time' ? { refused: rejected.message } : 'lost';
    }
    if (heldBy(await tours.get(tourId), ctx.operatorId)) return 'won';
    if (ctx.now().getTime() >= deadline) return 'no-answer';
    await sleep(o.pollMs ?? 150);
  }
};

// "Next tour": claims the next released tour for this picker. The server arbitrates; a picker who
// loses is offered the next one. A claim needs the network at that moment, so offline it is not
// even tried: the picker can start only tours a lead assigned to them.
export const claimNextTour = async (
  waiting: readonly Tour[],
  ctx: ActionContext,
  o: ClaimOptions,
): Promise<Result<{ tourId: string; lost: string[] }>> => {
  if (!o.online)
    return fail(
      'No network: a new tour needs the server to say it is yours. You can start tours a lead assigned to you.',
    );
  const lost: string[] = [];
  const nameOf = (id: string) => o.names?.get(id) ?? `tour ${id}`;
  for (const tour of waiting) {
    const claim = await act(db, 'tour.claimed', { tourId: tour.id }, ctx);
    if (!claim.ok) return claim;
    const answer = await answerTo(claim.value.id, tour.id, ctx, o);
    if (answer === 'won') return ok({ tourId: tour.id, lost });
    if (typeof answer === 'object') return fail(answer.refused);
    if (answer === 'no-answer')
      return fail(
        `No answer from the server about ${nameOf(tour.id)}. The claim goes when the network is back; until the server says the tour is yours, start a tour assigned to you.`,
      );
    lost.push(tour.id);
  }
  return fail(
    lost.length
      ? `Other pickers took ${lost.map(nameOf).join(', ')} first, and no other tour is waiting.`
      : 'No tour is waiting to be picked.',
  );
};
