// npm run admin -- COMMAND …: the admin API from a terminal. Talks to the running server at
// FILLWAVE_URL (default http://127.0.0.1:4780) with FILLWAVE_ADMIN_TOKEN.
import { readFileSync } from 'node:fs';
import { parseRolesList } from '../../shared/auth/roles';
import { DEFAULT_SERVER_PORT } from '../../shared/config';

const USAGE = `usage: npm run admin -- COMMAND
  enrollment-code [--ttl MINUTES] [--roles picker,lead,packer] [--device DEVICE_ID]
                                           a one-time code for enrolling a device, for the roles
                                           it may sign in (default all); with --device, a code
                                           that re-enrolls that device (its token lost or revoked)
  devices                                  list devices
  revoke DEVICE_ID                         revoke a device's token, and list the operators whose
                                           PIN records it held, to reset
  operator-add --badge B --name N --role picker|lead|packer   (PIN from FILLWAVE_PIN)
  operator-change ID [--badge B] [--name N] [--role R]
  operator-deactivate ID
  operator-pin ID                          (new PIN from FILLWAVE_PIN)
  receive LOCATION SKU QTY                 stock arrived at a location
  orders FILE.json                         add backorder lines: {"lines": [...]}
  cancel LINE_ID --reason TEXT [--qty N]   the customer cancelled a line, or N units of it
  expect ID SKU QTY ISO_DATE               an expected receipt
  time-zone [ZONE]                         the warehouse's time zone (an IANA name such as
                                           America/New_York; UTC until set): expiry and other
                                           date rules use each event's day there`;

const [command, ...rest] = process.argv.slice(2);
const base = process.env.FILLWAVE_URL ?? `http://127.0.0.1:${DEFAULT_SERVER_PORT}`;
const token = process.env.FILLWAVE_ADMIN_TOKEN;

function die(line: string): never {
  console.error(line);
  process.exit(1);
}

const flag = (name: string): string | undefined => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 ? rest[at + 1] : undefined;
};
const positional = rest.filter((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
// PINs come from the environment, not the command line, so they stay out of shell history.
const pin = () =>
  process.env.FILLWAVE_PIN ??
  die("set FILLWAVE_PIN to the new PIN (4 to 8 digits; a lead's at least 6)");
const qty = (text: string | undefined) =>
  text && /^\d+$/.test(text) ? Number(text) : die(`"${text ?? ''}" is not a whole quantity`);

const roles = () => {
  const text = flag('roles');
  if (text === undefined) return {};
  const parsed = parseRolesList(text);
  return parsed.ok ? { roles: parsed.value } : die(parsed.reason);
};

const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
  if (!token) die("set FILLWAVE_ADMIN_TOKEN to the server's admin token");
  let res: Response;
  try {
    res = await fetch(`${base}/api/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    die(`the server at ${base} does not answer (${(error as Error).message}); set FILLWAVE_URL`);
  }
  const answer = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) die(`refused (${res.status}): ${answer.message ?? 'no reason given'}`);
  console.log(JSON.stringify(answer, null, 2));
  return answer;
};

// After a revocation: one line per operator whose PIN record the device held, to run with a new PIN.
const revoke = async (deviceId: string) => {
  const answer = (await call('POST', `/devices/${encodeURIComponent(deviceId)}/revoke`)) as {
    pinRecordsHeld?: { id: string; badge: string; name: string }[];
  };
  const held = answer.pinRecordsHeld ?? [];
  if (held.length === 0) return;
  console.log(
    `\nThe device held the PIN records of ${held.length} operator(s). Reset their PINs (each new PIN in FILLWAVE_PIN):`,
  );
  for (const o of held)
    console.log(
      `  FILLWAVE_PIN=… npm run admin -- operator-pin ${o.id}   # ${o.name}, badge ${o.badge}`,
    );
};

const commands: Record<string, () => Promise<unknown>> = {
  'enrollment-code': () =>
    call('POST', '/enrollment-codes', {
      ...(flag('ttl') ? { ttlMinutes: qty(flag('ttl')) } : {}),
      ...roles(),
      ...(flag('device') ? { deviceId: flag('device') } : {}),
    }),
  devices: () => call('GET', '/devices'),
  revoke: () => revoke(positional[0] ?? die(USAGE)),
  'operator-add': () =>
    call('POST', '/operators', {
      badge: flag('badge'),
      name: flag('name'),
      role: flag('role'),
      pin: pin(),
    }),
  'operator-change': () =>
    call('PATCH', `/operators/${encodeURIComponent(positional[0] ?? die(USAGE))}`, {
      ...(flag('badge') ? { badge: flag('badge') } : {}),
      ...(flag('name') ? { name: flag('name') } : {}),
      ...(flag('role') ? { role: flag('role') } : {}),
    }),
  'operator-deactivate': () =>
    call('POST', `/operators/${encodeURIComponent(positional[0] ?? die(USAGE))}/deactivate`),
  'operator-pin': () =>
    call('POST', `/operators/${encodeURIComponent(positional[0] ?? die(USAGE))}/pin`, {
      pin: pin(),
    }),
  receive: () =>
    call('POST', '/stock-receipts', {
      receipts: [{ locationId: positional[0], skuId: positional[1], qty: qty(positional[2]) }],
    }),
  orders: () => {
    let body: unknown;
    try {
      body = JSON.parse(readFileSync(positional[0] ?? die(USAGE), 'utf8'));
    } catch (error) {
      die(`could not read ${positional[0]}: ${(error as Error).message}`);
    }
    return call('POST', '/orders', body);
  },
  cancel: () =>
    call('POST', `/lines/${encodeURIComponent(positional[0] ?? die(USAGE))}/cancel`, {
      reason: flag('reason'),
      ...(flag('qty') === undefined ? {} : { qty: qty(flag('qty')) }),
    }),
  'time-zone': () =>
    positional[0] === undefined
      ? call('GET', '/time-zone')
      : call('PUT', '/time-zone', { timeZone: positional[0] }),
  expect: () =>
    call('POST', '/expected-receipts', {
      id: positional[0],
      skuId: positional[1],
      qty: qty(positional[2]),
      expectedAt: positional[3],
    }),
};

const run = command ? commands[command] : undefined;
if (!run) die(USAGE);
await run();
