import type { FastifyInstance } from 'fastify';
import { describeIssues } from '../../shared/describe-issues';
import { EnrollRequestSchema, type EnrollResponse } from '../../shared/sync-api/enroll';
import { enrollWith } from '../auth/enroll-device';
import { isLoopbackAddress } from '../auth/enrollment';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';

const BEARER = /^Bearer (\S{1,512})$/;

// POST /api/v1/enroll: a one-time code in, a device token and a first epoch out. Without a code
// only over loopback, and only on a server that itself listens on loopback (the embedded one).
// A device that enrolls again sends its current token, if it has one (server/auth/enroll-device.ts).
export const registerEnrollRoutes = (
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; loopbackEnrollment: boolean },
): void => {
  app.post('/api/v1/enroll', async (request, reply): Promise<EnrollResponse> => {
    const body = EnrollRequestSchema.safeParse(request.body);
    if (!body.success)
      throw new HttpError(400, 'bad-request', `enroll: ${describeIssues(body.error)}`);
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const codeLessAllowed =
      deps.loopbackEnrollment && isLoopbackAddress(request.socket.remoteAddress);
    const enrolled = await deps.db.transaction((tx) =>
      enrollWith(tx, { ...body.data, token, codeLessAllowed }, deps.clock),
    );
    reply.code(201).header('cache-control', 'no-store');
    return {
      deviceId: enrolled.device.id,
      token: enrolled.token,
      epoch: enrolled.epoch,
      roles: enrolled.device.roles,
    };
  });
};
