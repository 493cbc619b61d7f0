import path from 'node:path';
import { DEFAULT_SERVER_PORT } from '../shared/config';
import { startServer, type RunningServer } from '../server/start';

// A single-station install runs its own sync server: the embedded PostgreSQL in the user data
// folder (server/db/embedded.ts), on loopback only, at the fixed port (PORT overrides it, for
// tests). Closing the server stops its database.
export const startEmbeddedServer = (options: {
  userData: string;
  rendererDir: string;
  version: string;
  port?: number;
}): Promise<RunningServer> =>
  startServer(
    {
      port: options.port ?? DEFAULT_SERVER_PORT,
      host: '127.0.0.1',
      appDir: options.rendererDir,
      dataDir: path.join(options.userData, 'server-data'),
      databaseUrl: null,
      demoLines: null,
      faults: null,
      log: false,
      adminToken: null,
      tls: null,
    },
    { version: options.version },
  );
