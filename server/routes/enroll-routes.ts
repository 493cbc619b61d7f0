import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sayIssues } from '../../shared/say-issues';
import {
  ENROLL_FIELD_WORDS,
  EnrollRequestSchema,
  type EnrollResponse,
} from '../../shared/sync-api/enroll';
import { enrollWith } from '../auth/enroll-device';
import { isLoopbackAddress } from '../auth/enrollment';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { hostnameOfHeader, isLoopbackName } from '../http/host-guard';
import { createFailureThrottle, ENROLL_FAILURES } from '../limits/failure-throttle';

const BEARER = /^Bearer (\S{1,512})$/;

// A caller on this machine that named this machine: a page elsewhere that rebinds its own name to
// 127.0.0.1, or a proxy on loopback, names another host and needs a code like anyone.
const isThisMachine = (request: FastifyRequest) =>
  isLoopbackAddress(request.socket.remoteAddress) &&
  isLoopbackName(hostnameOfHeader(request.headers.host));

// POST /api/v1/enroll: a one-time code in, a device token and a first epoch out. Without a code
// only over loopback, and only on a server that itself listens on loopback (the embedded one).
// A device that enrolls again sends its current token, if it has one (server/auth/enroll-device.ts).
export const registerEnrollRoutes = (
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; loopbackEnrollment: boolean },
): void => {
  // Failures count (a wrong, used or expired code, or none): a person mistypes, a script guesses.
  const failures = createFailureThrottle(ENROLL_FAILURES, deps.clock);
  app.post('/api/v1/enroll', async (request, reply): Promise<EnrollResponse> => {
    const attempt = failures.begin(request.ip, 'enrollment attempts');
    const body = EnrollRequestSchema.safeParse(request.body);
    if (!body.success) {
      attempt.succeeded(); // a malformed request guesses nothing
      throw new HttpError(400, 'bad-request', sayIssues(body.error, ENROLL_FIELD_WORDS));
    }
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const codeLessAllowed = deps.loopbackEnrollment && isThisMachine(request);
    // A refusal (a code's problem, a device that is not the caller's) throws, and counts.
    const enrolled = await deps.db.transaction((tx) =>
      enrollWith(tx, { ...body.data, token, codeLessAllowed }, deps.clock),
    );
    attempt.succeeded();
    reply.code(201).header('cache-control', 'no-store');
    return {
      deviceId: enrolled.device.id,
      token: enrolled.token,
      epoch: enrolled.epoch,
      roles: enrolled.device.roles,
    };
  });
};
