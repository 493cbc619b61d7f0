import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors';
import { isServedName, LOOPBACK_NAMES, normalizeHostname } from './served-names';

// The hostname a Host header names, the port dropped; null if it names none.
export const hostnameOfHeader = (host: string | undefined): string | null =>
  host === undefined || host.length > 300 ? null : normalizeHostname(host.replace(/:\d*$/, ''));

export const isLoopbackName = (hostname: string | null): boolean =>
  hostname !== null && (LOOPBACK_NAMES as readonly string[]).includes(hostname);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

// Why a request is refused before any route sees it, or null.
// - A Host the server does not serve is a page elsewhere that rebound its own name to this
//   server's address (DNS rebinding): 421, whatever the path.
// - A change sent with another site's Origin is a page elsewhere posting here (CSRF): 403.
export const checkHostAndOrigin = (
  request: { method: string; host: string | undefined; origin: string | undefined },
  names: ReadonlySet<string>,
  scheme: 'http' | 'https',
): HttpError | null => {
  const hostname = hostnameOfHeader(request.host);
  if (hostname === null) {
    return new HttpError(
      421,
      'unknown-host',
      'This request names no server (its Host header is missing or unreadable).',
    );
  }
  if (!isServedName(names, hostname)) {
    return new HttpError(
      421,
      'unknown-host',
      `This server does not answer to the name "${hostname}". If devices reach it by that name, start the server with --public-name ${hostname} (or FILLWAVE_PUBLIC_NAME=${hostname}).`,
    );
  }
  if (request.origin === undefined || SAFE_METHODS.has(request.method)) return null;
  let own: boolean;
  try {
    const origin = new URL(request.origin);
    own =
      origin.protocol === `${scheme}:` &&
      origin.host === new URL(`${scheme}://${request.host ?? ''}`).host;
  } catch {
    own = false;
  }
  return own
    ? null
    : new HttpError(
        403,
        'foreign-origin',
        `This change came from a page of another site (${request.origin.slice(0, 200)}); the server takes changes only from its own pages and from devices.`,
      );
};

// Registered first, so no route, static file or 404 answers a name the server does not serve.
export const installHostGuard = (
  app: FastifyInstance,
  names: ReadonlySet<string>,
  scheme: 'http' | 'https',
): void => {
  app.addHook('onRequest', async (request) => {
    const refused = checkHostAndOrigin(
      { method: request.method, host: request.headers.host, origin: request.headers.origin },
      names,
      scheme,
    );
    if (refused) throw refused;
  });
};
