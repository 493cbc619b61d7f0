import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeIssues } from '../../shared/describe-issues';
import { EnrollRequestSchema, type EnrollResponse } from '../../shared/sync-api/enroll';
import { enrollDevice } from '../auth/devices';
import { isLoopbackAddress, useEnrollmentCode, type CodeProblem } from '../auth/enrollment';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { hostnameOfHeader, isLoopbackName } from '../http/host-guard';
import { createFailureThrottle, ENROLL_FAILURES } from '../limits/failure-throttle';

const PROBLEMS: Record<CodeProblem, string> = {
  'code-unknown':
    'This enrollment code is not one the server issued: check it, or ask an admin for a new one.',
  'code-used': 'This enrollment code was already used: ask an admin for a new one.',
  'code-expired': 'This enrollment code has expired: ask an admin for a new one.',
};

// A caller on this machine that named this machine: a page elsewhere that rebinds its own name to
// 127.0.0.1, or a proxy on loopback, names another host and needs a code like anyone.
const isThisMachine = (request: FastifyRequest) =>
  isLoopbackAddress(request.socket.remoteAddress) &&
  isLoopbackName(hostnameOfHeader(request.headers.host));

// POST /api/v1/enroll: a one-time code in, a device token and a first epoch out. Without a code
// only over loopback, and only on a server that itself listens on loopback (the embedded one).
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
      throw new HttpError(400, 'bad-request', `enroll: ${describeIssues(body.error)}`);
    }
    const { code, name } = body.data;
    const deviceId = body.data.deviceId ?? randomUUID();
    if (!code && !(deps.loopbackEnrollment && isThisMachine(request))) {
      throw new HttpError(
        401,
        'code-required',
        'Enrolling a device needs a one-time code from an admin.',
      );
    }
    const enrolled = await deps.db.transaction(async (tx) => {
      if (code) {
        const problem = await useEnrollmentCode(tx, code, deviceId, deps.clock);
        if (problem) throw new HttpError(403, problem, PROBLEMS[problem]);
      }
      return enrollDevice(tx, name, deps.clock, deviceId);
    });
    attempt.succeeded();
    reply.code(201).header('cache-control', 'no-store');
    return { deviceId: enrolled.device.id, token: enrolled.token, epoch: enrolled.epoch };
  });
};
