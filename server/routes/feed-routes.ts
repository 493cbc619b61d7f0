import type { FastifyInstance } from 'fastify';
import { describeIssues } from '../../shared/describe-issues';
import type { EventRecord } from '../../shared/domain/event-record';
import { decodeCheckpoint, encodeCheckpoint } from '../../shared/sync-api/checkpoint';
import { FeedQuerySchema, type FeedPage } from '../../shared/sync-api/feed';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { holdsPosition, readChanges, STREAM_START } from '../sync/change-stream';
import { entryFor } from '../sync/feed-entry';

// GET /api/v1/admin/events: accepted events for an OMS connector, in the change stream's order
// and with its never-skip guarantee, each with the orders it changed. Behind the admin token.
export const registerFeedRoute = (
  app: FastifyInstance,
  deps: { db: Db; databaseId: string; guard: (request: FastifyRequest) => Promise<void> },
): void => {
  app.get(
    '/api/v1/admin/events',
    { preHandler: deps.guard },
    async (request): Promise<FeedPage> => {
      const query = FeedQuerySchema.safeParse(request.query);
      if (!query.success)
        throw new HttpError(400, 'bad-request', `events: ${describeIssues(query.error)}`);
      let after = STREAM_START;
      if (query.data.after) {
        const checkpoint = decodeCheckpoint(query.data.after);
        if (!checkpoint.ok)
          throw new HttpError(400, 'bad-checkpoint', `events: ${checkpoint.reason}`);
        if (checkpoint.value.databaseId !== deps.databaseId) {
          throw new HttpError(
            410,
            'checkpoint-unknown',
            'This position was issued by another database: read the feed again from the start.',
          );
        }
        if (!(await holdsPosition(deps.db, checkpoint.value))) {
          throw new HttpError(
            410,
            'checkpoint-unknown',
            'This database does not hold the event this position names (it was restored from a backup or rolled back): read the feed again from the start; events already taken come again.',
          );
        }
        after = checkpoint.value;
      }
      const page = await readChanges(deps.db, after, query.data.limit, null, 'event');
      const events = [];
      for (const c of page.changes) {
        events.push(await entryFor(deps.db, c.row as EventRecord, c.txid));
      }
      return {
        checkpoint: encodeCheckpoint({ databaseId: deps.databaseId, ...page.last }),
        hasMore: page.hasMore,
        events,
      };
    },
  );
};
