import { DEFAULT_SERVER_PORT } from '../shared/config';
import { fail, ok, type Result } from '../shared/result';

export interface ServerConfig {
  port: number;
  host: string;
  appDir: string;
}

const USAGE = 'usage: npm run server -- [--port P] [--host H]';

// Arguments win over the environment; anything unknown or malformed is refused by name.
export const parseServerArgs = (
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaults: { appDir: string },
): Result<ServerConfig> => {
  const values: Record<string, string | undefined> = {
    port: env.PORT,
    host: env.FILLWAVE_HOST,
    'app-dir': env.FILLWAVE_APP_DIR,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1]! in values)) return fail(`unknown argument "${arg}"; ${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--'))
      return fail(`${arg} needs a value; ${USAGE}`);
    values[match[1]!] = value;
  }
  const portText = values.port ?? String(DEFAULT_SERVER_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    return fail(`port "${portText}" is not a port number (0 to 65535; 0 picks a free one)`);
  }
  return ok({
    port,
    host: values.host ?? '127.0.0.1',
    appDir: values['app-dir'] ?? defaults.appDir,
  });
};
