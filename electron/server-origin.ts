import { DEFAULT_SERVER_PORT } from '../shared/config';
import type { Settings } from '../shared/ipc/settings';

// The origin the window may connect to (CSP connect-src): the configured sync server, or the
// embedded one on loopback.
export const serverOrigin = (settings: Settings): string =>
  settings.serverUrl
    ? new URL(settings.serverUrl).origin
    : `http://127.0.0.1:${DEFAULT_SERVER_PORT}`;
