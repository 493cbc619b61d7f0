import { DEFAULT_SERVER_PORT } from '../shared/config';
import { describeIssues } from '../shared/describe-issues';
import { fail, ok, type Result } from '../shared/result';
import { canonicalTimeZone, timeZoneProblem } from '../shared/time/time-zone';
import { isLoopbackHost } from './auth/enrollment';
import { FaultConfigSchema, type FaultConfig } from './faults/faults';
import { normalizeHostname } from './http/served-names';
import { OMS_FLAGS, parseOmsConfig, type OmsConfig } from './oms/oms-config';

export interface ServerConfig {
  port: number;
  host: string;
  appDir: string;
  // The embedded store's data folder, used unless databaseUrl is set.
  dataDir: string;
  databaseUrl: string | null;
  // Seed this many demo backorder lines into an empty database.
  demoLines: number | null;
  faults: FaultConfig | null;
  log: boolean;
  // FILLWAVE_ADMIN_TOKEN: the admin API exists only with one.
  adminToken: string | null;
  // PEM files: serve over HTTPS.
  tls: { certFile: string; keyFile: string } | null;
  // Names devices reach the server by (--public-name, FILLWAVE_PUBLIC_NAME), beside loopback and
  // the certificate's names: any other Host is refused. None: loopback and the certificate only.
  publicNames?: string[];
  // --time-zone, FILLWAVE_TIME_ZONE: the warehouse's time zone, set at start (an admin event)
  // when it differs from the database's. None: the database's setting stands (UTC until set).
  timeZone?: string;
  // --oms vendure --oms-url URL: the OMS connector (server/oms/), credentials from the environment.
  oms?: OmsConfig;
}

const USAGE =
  'usage: npm run server -- [--port P] [--host H] [--data DIR] [--demo N] [--tls-cert FILE --tls-key FILE] [--public-name NAME]… [--time-zone ZONE] [--oms vendure --oms-url URL [--stock-owner oms|fillwave]]';
const FLAGS = [
  'port',
  'host',
  'data',
  'demo',
  'app-dir',
  'tls-cert',
  'tls-key',
  'time-zone',
  ...OMS_FLAGS,
] as const;
const PUBLIC_NAME = 'public-name';
type Flag = (typeof FLAGS)[number];

// Arguments win over the environment; anything unknown or malformed is refused by name.
export const parseServerArgs = (
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaults: { appDir: string; dataDir: string },
): Result<ServerConfig> => {
  const values: Record<Flag, string | undefined> = {
    port: env.PORT,
    host: env.FILLWAVE_HOST,
    data: env.FILLWAVE_DATA,
    demo: env.FILLWAVE_DEMO,
    'app-dir': env.FILLWAVE_APP_DIR,
    'tls-cert': env.FILLWAVE_TLS_CERT,
    'tls-key': env.FILLWAVE_TLS_KEY,
    'time-zone': env.FILLWAVE_TIME_ZONE,
    oms: env.FILLWAVE_OMS,
    'oms-url': env.FILLWAVE_OMS_URL,
    'stock-owner': env.FILLWAVE_STOCK_OWNER,
  };
  const namesFromArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const flag = match?.[1] as Flag | typeof PUBLIC_NAME | undefined;
    if (!match || !flag || (flag !== PUBLIC_NAME && !FLAGS.includes(flag)))
      return fail(`unknown argument "${arg}"; ${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--'))
      return fail(`${arg} needs a value; ${USAGE}`);
    if (flag === PUBLIC_NAME) namesFromArgs.push(value);
    else values[flag] = value;
  }
  // Repeatable flag; the variable holds a comma-separated list.
  const nameTexts =
    namesFromArgs.length > 0
      ? namesFromArgs
      : (env.FILLWAVE_PUBLIC_NAME ?? '').split(',').filter((n) => n.trim() !== '');
  const publicNames: string[] = [];
  for (const text of nameTexts) {
    const name = normalizeHostname(text);
    if (!name)
      return fail(
        `--public-name "${text}" is not a hostname; give the name devices type, such as fillwave.lan`,
      );
    publicNames.push(name);
  }
  const portText = values.port ?? String(DEFAULT_SERVER_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return fail(`port "${portText}" is not a port number (0 to 65535; 0 picks a free one)`);
  }
  let demoLines: number | null = null;
  if (values.demo !== undefined) {
    demoLines = Number(values.demo);
    if (!/^\d+$/.test(values.demo) || demoLines < 1 || demoLines > 1_000_000) {
      return fail(`--demo "${values.demo}" must be a number of backorder lines from 1 to 1000000`);
    }
  }
  let faults: FaultConfig | null = null;
  if (env.FILLWAVE_FAULTS) {
    let json: unknown;
    try {
      json = JSON.parse(env.FILLWAVE_FAULTS);
    } catch {
      return fail('FILLWAVE_FAULTS is not JSON');
    }
    const parsed = FaultConfigSchema.safeParse(json);
    if (!parsed.success) return fail(`FILLWAVE_FAULTS: ${describeIssues(parsed.error)}`);
    faults = parsed.data;
  }
  const adminToken = env.FILLWAVE_ADMIN_TOKEN || null;
  if (adminToken !== null && adminToken.length < 24) {
    return fail(
      'FILLWAVE_ADMIN_TOKEN is too short: use at least 24 random characters (openssl rand -base64 32)',
    );
  }
  const zoneText = values['time-zone'];
  const timeZone = zoneText === undefined ? null : canonicalTimeZone(zoneText.trim());
  if (zoneText !== undefined && !timeZone) return fail(`--time-zone: ${timeZoneProblem(zoneText)}`);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    return fail('HTTPS needs both --tls-cert and --tls-key');
  }
  const host = values.host ?? '127.0.0.1';
  // Beyond loopback, devices reach the server by some name; it answers only names it knows.
  if (!isLoopbackHost(host) && !certFile && publicNames.length === 0) {
    return fail(
      `--host ${host} lets other machines in, but the server knows no name for itself: add --public-name NAME (the name devices type, such as fillwave.lan) or serve HTTPS with --tls-cert and --tls-key`,
    );
  }
  const oms = parseOmsConfig(values, env);
  if (!oms.ok) return fail(oms.reason);
  return ok({
    port,
    host,
    appDir: values['app-dir'] ?? defaults.appDir,
    dataDir: values.data ?? defaults.dataDir,
    databaseUrl: env.DATABASE_URL || null,
    demoLines,
    faults,
    log: env.FILLWAVE_LOG === '1',
    adminToken,
    tls: certFile && keyFile ? { certFile, keyFile } : null,
    publicNames,
    ...(timeZone ? { timeZone } : {}),
    ...(oms.value ? { oms: oms.value } : {}),
  });
};
