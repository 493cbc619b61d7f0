import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors';

const digest = (text: string) => createHash('sha256').update(text).digest();

// The admin API takes FILLWAVE_ADMIN_TOKEN as a bearer token, compared in constant time.
export const requireAdmin = (adminToken: string) => {
  const expected = digest(adminToken);
  return async (request: FastifyRequest) => {
    const match = /^Bearer (\S{1,512})$/.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new HttpError(
        401,
        'admin-token-required',
        'This needs the admin token: send "Authorization: Bearer <FILLWAVE_ADMIN_TOKEN>".',
      );
    }
  };
};
