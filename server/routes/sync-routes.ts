import type { FastifyInstance } from 'fastify';
import { sayIssues } from '../../shared/say-issues';
import { decodeCheckpoint, encodeCheckpoint } from '../../shared/sync-api/checkpoint';
import { PULL_FIELD_WORDS, PullQuerySchema, type PullPage } from '../../shared/sync-api/pull';
import {
  PUSH_FIELD_WORDS,
  PushRequestSchema,
  type EpochResponse,
  type PushResponse,
} from '../../shared/sync-api/push';
import { issueEpoch } from '../auth/devices';
import { requireDevice } from '../auth/require-device';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { readTimeZone } from '../events/business-time';
import type { EventRegistry } from '../events/registry';
import { holdsPosition, readChanges, STREAM_START } from '../sync/change-stream';
import { forDevice } from '../sync/device-view';
import { pushBatch, UnknownEpochError } from '../sync/push-pipeline';

export interface SyncRouteDeps {
  db: Db;
  registry: EventRegistry;
  clock: Clock;
  databaseId: string;
  // Seconds to wait before this device may push again, or 0.
  pushAllowance(deviceId: string): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const unknownEpoch = (epoch: string) =>
  new HttpError(
    409,
    'unknown-epoch',
    `This server does not know epoch ${epoch} for this device (it was wiped or restored): ask for a new epoch with POST /api/v1/epochs, renumber the unanswered events from 1 and push again.`,
  );

const checkpointLost = () =>
  new HttpError(
    410,
    'checkpoint-unknown',
    'This database does not hold the change this checkpoint names (it was restored from a backup or rolled back, or the checkpoint predates change tags): sync again from the start, keeping the outbox, and push again the events kept since.',
  );

// The device's last accepted event is not here: the server lost events it had accepted.
const eventsLost = (id: string) =>
  new HttpError(
    409,
    'unknown-last-accepted',
    `This server does not hold event ${id}, the last one it accepted from this device (it was restored from a backup or rolled back): push again the events kept since, oldest first; the ones it still holds are answered as duplicates.`,
  );

export const registerSyncRoutes = (app: FastifyInstance, deps: SyncRouteDeps): void => {
  const { db, registry, clock, databaseId } = deps;
  const auth = requireDevice(db);

  app.get('/api/v1/pull', { preHandler: auth }, async (request): Promise<PullPage> => {
    const query = PullQuerySchema.safeParse(request.query);
    if (!query.success)
      throw new HttpError(
        400,
        'bad-request',
        `This device asked for changes in a way the server cannot read. ${sayIssues(query.error, PULL_FIELD_WORDS)}`,
      );
    let after = STREAM_START;
    if (query.data.checkpoint) {
      const checkpoint = decodeCheckpoint(query.data.checkpoint);
      if (!checkpoint.ok) throw new HttpError(400, 'bad-checkpoint', `pull: ${checkpoint.reason}`);
      if (checkpoint.value.databaseId !== databaseId) {
        throw new HttpError(
          410,
          'checkpoint-unknown',
          'This checkpoint was issued by another database (the server was replaced or restored): sync again from the start, keeping the outbox.',
        );
      }
      if (!(await holdsPosition(db, checkpoint.value))) throw checkpointLost();
      after = checkpoint.value;
    }
    const eventsSince =
      query.data.eventDays === undefined
        ? null
        : new Date(clock.now().getTime() - query.data.eventDays * DAY_MS).toISOString();
    const page = await readChanges(db, after, query.data.limit, eventsSince);
    return {
      checkpoint: encodeCheckpoint({ databaseId, ...page.last }),
      hasMore: page.hasMore,
      timeZone: await readTimeZone(db),
      changes: forDevice(page.changes, request.device!.roles).map(({ entity, id, row }) => ({
        entity,
        id,
        row,
      })),
    };
  });

  app.post('/api/v1/push', { preHandler: auth }, async (request, reply): Promise<PushResponse> => {
    const device = request.device!;
    const wait = deps.pushAllowance(device.id);
    if (wait > 0) {
      throw new HttpError(
        429,
        'too-many-pushes',
        `This device is pushing too often; try again in ${wait} s.`,
        { 'retry-after': String(wait) },
      );
    }
    const body = PushRequestSchema.safeParse(request.body);
    if (!body.success)
      throw new HttpError(
        400,
        'bad-request',
        `The events this device sent could not be read. ${sayIssues(body.error, PUSH_FIELD_WORDS)}`,
      );
    const { events } = body.data;
    if (events.some((e) => e.deviceId !== device.id)) {
      throw new HttpError(
        400,
        'wrong-device',
        // In words: it reaches the person in Sync problems; the ids are in the request.
        'An event in this batch names another device than the one this token belongs to: this device cannot send it as it is.',
      );
    }
    const epoch = events[0]!.epoch;
    if (events.some((e) => e.epoch !== epoch)) {
      throw new HttpError(
        400,
        'mixed-epochs',
        'The events of one batch must all belong to one epoch: send them again in batches of one epoch each.',
      );
    }
    const known = await db.query(
      'SELECT 1 FROM device_epochs WHERE epoch = $1 AND device_id = $2',
      [epoch, device.id],
    );
    if (known.length === 0) throw unknownEpoch(epoch);
    const { lastAccepted } = body.data;
    if (lastAccepted !== undefined) {
      const held = await db.query('SELECT 1 FROM events WHERE id = $1 AND device_id = $2', [
        lastAccepted,
        device.id,
      ]);
      if (held.length === 0) throw eventsLost(lastAccepted);
    }
    try {
      const results = await pushBatch(db, registry, clock, events);
      reply.header('cache-control', 'no-store');
      return { results };
    } catch (error) {
      if (error instanceof UnknownEpochError) throw unknownEpoch(error.epoch);
      throw error;
    }
  });

  app.post('/api/v1/epochs', { preHandler: auth }, async (request): Promise<EpochResponse> => ({
    epoch: await issueEpoch(db, request.device!.id, clock),
  }));
};
