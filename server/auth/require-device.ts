import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { deviceForToken, type Device } from './devices';

declare module 'fastify' {
  interface FastifyRequest {
    device: Device | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

// Every endpoint but health needs a device's bearer token. The token is never logged: Fastify's
// request log carries method and URL only, and nothing here writes the header anywhere.
export const requireDevice = (db: Db) => async (request: FastifyRequest, _reply: FastifyReply) => {
  const header = request.headers.authorization;
  if (!header)
    throw new HttpError(
      401,
      'no-token',
      'This endpoint needs a device token: send "Authorization: Bearer <token>".',
    );
  const match = BEARER.exec(header);
  if (!match)
    throw new HttpError(401, 'bad-token', 'The Authorization header is not "Bearer <token>".');
  const device = await deviceForToken(db, match[1]!);
  if (!device)
    throw new HttpError(
      401,
      'unknown-token',
      'This device token is unknown or revoked: enroll the device again.',
    );
  request.device = device;
};
