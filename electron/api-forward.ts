import type { ErrorBody } from '../shared/sync-api/errors';

// The window and its API share one origin, app://fillwave, as the web app shares its server's:
// app://fillwave/api/* is forwarded to the configured server, so the window makes no
// cross-origin request and the server needs no CORS.

export const API_PREFIX = '/api/';

export const isApiPath = (url: string): boolean => {
  try {
    return new URL(url).pathname.startsWith(API_PREFIX);
  } catch {
    return false;
  }
};

// Electron's net.fetch, or any fetch with the same shape (Node's in tests).
export type ForwardFetch = (
  url: string,
  init: RequestInit & { duplex?: 'half' },
) => Promise<Response>;

export interface ApiForwardDeps {
  // The server's origin now (settings can change it while the window is open).
  target(): string;
  fetch: ForwardFetch;
}

// Headers that describe the window's side of the hop, not the request: the server must see its
// own name (Host, set by fetch from the URL) and no foreign Origin, and the body's length and
// framing are fetch's to set again.
const DROPPED = new Set([
  'host',
  'origin',
  'referer',
  'cookie',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
]);

const forwardedHeaders = (request: Request, origin: string): Headers => {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED.has(name) && !name.startsWith('sec-')) headers.set(name, value);
  });
  // A change carries the server's own origin, as one from its own web page would: the server
  // refuses changes from any other.
  if (request.method !== 'GET' && request.method !== 'HEAD') headers.set('origin', origin);
  return headers;
};

const NULL_BODY = new Set([204, 205, 304]);

const unreachable = (origin: string, error: unknown): Response =>
  new Response(
    JSON.stringify({
      error: 'server-unreachable',
      message: `The sync server at ${origin} does not answer (${error instanceof Error ? error.message : String(error)}).`,
    } satisfies ErrorBody),
    { status: 502, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } },
  );

// Request in, the server's Response out: method, headers, status and both bodies as streams.
// A server that cannot be reached is a 502 with a JSON body, which the sync engine retries.
export const createApiForwarder =
  (deps: ApiForwardDeps) =>
  async (request: Request): Promise<Response> => {
    const incoming = new URL(request.url);
    let origin: string;
    try {
      origin = new URL(deps.target()).origin;
    } catch (error) {
      return unreachable(deps.target(), error);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
    try {
      const answer = await deps.fetch(`${origin}${incoming.pathname}${incoming.search}`, {
        method: request.method,
        headers: forwardedHeaders(request, origin),
        ...(hasBody ? { body: request.body, duplex: 'half' as const } : {}),
        redirect: 'manual',
        signal: request.signal,
      });
      // fetch has already decoded the body: its old encoding and length no longer describe it.
      const headers = new Headers(answer.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      const empty = request.method === 'HEAD' || NULL_BODY.has(answer.status);
      return new Response(empty ? null : answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers,
      });
    } catch (error) {
      return unreachable(origin, error);
    }
  };
