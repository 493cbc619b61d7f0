import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../shared/config';
import { isApiPath } from './api-forward';

// standard + secure: app://fillwave behaves like an https origin (IndexedDB, fetch, relative URLs).
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export type ResolvedFile = { ok: true; file: string } | { ok: false; status: 400 | 404 };

// Maps app://fillwave/some/path to a file under rootDir. Anything that would leave rootDir
// (.., encoded slashes, another host) is refused rather than served.
export const resolveAppFile = (rootDir: string, url: string): ResolvedFile => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { ok: false, status: 404 };
  return { ok: true, file };
};

export interface AppProtocolDeps {
  rootDir: string;
  readFile(file: string): Promise<Uint8Array>;
  csp(): string;
  // app://fillwave/api/* goes to the sync server (api-forward.ts); none: 404 like any missing file.
  forwardApi?(request: Request): Promise<Response>;
}

// The handler for protocol.handle('app', …): standard Request in, standard Response out, so it
// runs in unit tests without Electron.
export const createAppProtocolHandler =
  (deps: AppProtocolDeps) =>
  async (request: Request): Promise<Response> => {
    if (deps.forwardApi && isApiPath(request.url) && new URL(request.url).host === APP_HOST)
      return deps.forwardApi(request);
    const resolved = resolveAppFile(deps.rootDir, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    try {
      const body = await deps.readFile(resolved.file);
      return new Response(body as BodyInit, {
        status: 200,
        headers: {
          'content-type': contentTypeOf(resolved.file),
          'content-security-policy': deps.csp(),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
