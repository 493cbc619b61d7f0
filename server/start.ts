import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { Writable } from 'node:stream';
import { EVENT_TYPES } from './apply/index';
import { buildServer } from './app';
import { createDevice } from './auth/devices';
import { isLoopbackHost } from './auth/enrollment';
import { systemClock } from './clock';
import type { ServerConfig } from './config';
import type { Db } from './db/db';
import { storePaths } from './db/embedded';
import { FolderHeldError, liveOwner } from './db/folder-lock';
import { openDatabase } from './db/open';
import { seedDemo } from './demo/seed';
import { readTimeZone } from './events/business-time';
import { EventRegistry } from './events/registry';
import { recordServerEvent } from './events/server-events';
import { databaseId } from './db/migrate';
import { omsHealth } from './oms/health';
import { OmsRunner } from './oms/runner';
import { VendureConnector } from './oms/vendure/connector';

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  close(): Promise<void>;
}

export class StartError extends Error {}

const portTaken = (port: number, host: string) =>
  `port ${port} on ${host} is taken (another Fillwave?); choose another with --port or PORT`;

// Whether the port can be listened on, found by listening a moment (port 0 always can).
const portFree = (port: number, host: string): Promise<void> =>
  port === 0
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', (error: NodeJS.ErrnoException) =>
          // Anything but a taken port is left to the real listen, which says what it was.
          error.code === 'EADDRINUSE' ? reject(new StartError(portTaken(port, host))) : resolve(),
        );
        probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
      });

// Opens and migrates the database, seeds the demo if asked, and listens. Used by
// `npm run server` and by the desktop shell's embedded server.
export const startServer = async (
  config: ServerConfig,
  options: { version: string; logStream?: Writable; say?: (line: string) => void },
): Promise<RunningServer> => {
  const say = options.say ?? (() => undefined);
  // Both checked before the database opens: a second server must neither touch the first's
  // folder nor seed a demo it then cannot serve.
  if (!config.databaseUrl) {
    const owner = liveOwner(storePaths(config.dataDir).owner);
    if (owner !== null) throw new StartError(new FolderHeldError(owner, config.dataDir).message);
  }
  await portFree(config.port, config.host);
  const db = await openDatabase({ ...config, say }).catch((error: Error) => {
    if (error instanceof FolderHeldError) throw new StartError(error.message);
    throw new StartError(
      `could not open the database (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}): ${error.message}`,
    );
  });
  const registry = new EventRegistry(EVENT_TYPES);
  try {
    if (config.timeZone && config.timeZone !== (await readTimeZone(db))) {
      // Recorded as the admin API would, so the log says when the zone changed.
      const set = await recordServerEvent(
        db,
        registry,
        systemClock,
        'admin.time-zone-set',
        { timeZone: config.timeZone },
        randomUUID(),
        'admin',
      );
      if (!set.ok) throw new StartError(`--time-zone: ${set.message}`);
      say(`the warehouse's time zone is now ${config.timeZone}`);
    }
    if (config.demoLines !== null) {
      const seeded = await seedDemo(db, registry, systemClock, { lines: config.demoLines });
      const demo = await createDevice(db, 'Demo device', systemClock);
      say(
        `seeded ${seeded.lines} backorder lines, ${seeded.skus} SKUs, ${seeded.locations} locations`,
      );
      // Shown once, to the person starting the demo, so they can put it into a device.
      say(`demo device ${demo.device.id} token: ${demo.token}`);
    }
    let tls: { cert: string; key: string } | undefined;
    if (config.tls) {
      try {
        tls = {
          cert: readFileSync(config.tls.certFile, 'utf8'),
          key: readFileSync(config.tls.keyFile, 'utf8'),
        };
      } catch (error) {
        throw new StartError(
          `could not read the TLS certificate or key: ${(error as Error).message}`,
        );
      }
    }
    // One connector per database: every instance makes one, the advisory lock picks who runs.
    const oms = config.oms
      ? new OmsRunner({
          db,
          registry,
          clock: systemClock,
          databaseId: await databaseId(db),
          stockOwner: config.oms.stockOwner,
          connector: new VendureConnector({ url: config.oms.url, auth: config.oms.auth }),
          report: say,
        })
      : null;
    const app = await buildServer({
      db,
      registry,
      clock: systemClock,
      version: options.version,
      appDir: config.appDir,
      faults: config.faults ?? undefined,
      logStream: options.logStream,
      adminToken: config.adminToken ?? undefined,
      // Only a server that listens on loopback alone enrolls without a code, and only callers
      // that reach it over loopback: that is this machine.
      loopbackEnrollment: isLoopbackHost(config.host),
      tls,
      publicNames: config.publicNames ?? [],
      ...(oms ? { oms: { health: () => omsHealth(oms) } } : {}),
    });
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new StartError(portTaken(config.port, config.host));
      }
      throw new StartError(
        `could not listen on ${config.host}:${config.port}: ${(error as Error).message}`,
      );
    }
    if (oms) {
      oms.start();
      say(`connecting to ${config.oms!.kind} at ${config.oms!.url}`);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `${tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      port,
      db,
      close: async () => {
        await oms?.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error instanceof StartError ? error : new StartError((error as Error).message);
  }
};
