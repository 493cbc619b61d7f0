import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import { HttpError } from '../errors';
import { ADMIN_FAILURES, createFailureThrottle } from '../limits/failure-throttle';

const digest = (text: string) => createHash('sha256').update(text).digest();

// The admin API takes FILLWAVE_ADMIN_TOKEN as a bearer token, compared in constant time. An
// address that keeps sending wrong tokens is made to wait (429), so the token cannot be guessed.
export const requireAdmin = (adminToken: string, clock: Clock) => {
  const expected = digest(adminToken);
  const failures = createFailureThrottle(ADMIN_FAILURES, clock);
  return async (request: FastifyRequest) => {
    const attempt = failures.begin(request.ip, 'admin token attempts');
    const match = /^Bearer (\S{1,512})$/.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new HttpError(
        401,
        'admin-token-required',
        'This needs the admin token: send "Authorization: Bearer <FILLWAVE_ADMIN_TOKEN>".',
      );
    }
    attempt.succeeded();
  };
};
