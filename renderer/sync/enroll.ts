import { describeIssues } from '../../shared/describe-issues';
import { fail, ok, type Result } from '../../shared/result';
import { ErrorBodySchema } from '../../shared/sync-api/errors';
import {
  ENROLL_FIELD_WORDS,
  EnrollRequestSchema,
  EnrollResponseSchema,
} from '../../shared/sync-api/enroll';
import { sayIssues } from '../../shared/say-issues';
import type { FillwaveDb } from '../db/fillwave-db';
import { ALL_ROLES } from '../../shared/auth/roles';
import { adoptRoles, deviceRoles } from '../auth/device-roles';
import { loadIdentity, secureToken } from '../platform/credentials';
import { desktopShell } from '../platform/shell';
import { renumber } from './outbox';
import { KEYS, readState, writeState, type DeviceIdentity } from './sync-state';

// Which server a token belongs to, where that can change. A page's API is its own origin, as is
// its database (null: nothing to compare); the desktop window's is the server in its settings
// ('' for its embedded one), which can change while the window's database stays.
const tokenServer = async (): Promise<string | null> => {
  const shell = desktopShell();
  return shell ? ((await shell.getSettings()).serverUrl ?? '') : null;
};

// Enrolls this device with a server: a code from an admin, or none on the embedded server. A
// device keeps its id for life, so enrolling again keeps its unsent events; they are renumbered
// into the new epoch. It sends its current token, if it has one: that proves it is the device it
// names, which the server asks of a device that enrolls again without a code issued for it.
export const enroll = async (
  db: FillwaveDb,
  input: { code: string; name: string },
  newId: () => string,
  fetchFn: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<Result<DeviceIdentity>> => {
  const deviceId = (await readState<string>(db, 'deviceId')) ?? newId();
  const request = {
    deviceId,
    name: input.name,
    ...(input.code.trim() ? { code: input.code.trim() } : {}),
  };
  // Checked here, in the person's words, before the code is spent on a request the server refuses.
  const checked = EnrollRequestSchema.safeParse(request);
  if (!checked.success) return fail(sayIssues(checked.error, ENROLL_FIELD_WORDS));
  const current = await loadIdentity(db);
  const server = await tokenServer();
  const rolesBefore = await deviceRoles(db);
  // Only to the server that issued it: a token sent to another server is a token given away.
  const proof: Record<string, string> =
    current?.deviceId === deviceId &&
    current.token &&
    (server === null || current.server === server)
      ? { authorization: `Bearer ${current.token}` }
      : {};
  let res: Response;
  try {
    // Relative, like every API call: the page's own origin is its server (api.ts).
    res = await fetchFn('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...proof },
      body: JSON.stringify(request),
    });
  } catch {
    return fail('The server does not answer. Check the address and the network.');
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.status !== 201) {
    const error = ErrorBodySchema.safeParse(json);
    return fail(error.success ? error.data.message : `The server answered ${res.status}.`);
  }
  const body = EnrollResponseSchema.safeParse(json);
  if (!body.success) {
    // The fields for whoever reads the log; the person gets what to do.
    console.warn(`Enrollment answer not understood: ${describeIssues(body.error)}`);
    return fail(
      "The server's answer is not one this app understands: check that the address is a Fillwave server of this version, then connect again.",
    );
  }
  const identity: DeviceIdentity = {
    deviceId: body.data.deviceId,
    token: body.data.token,
    epoch: body.data.epoch,
    roles: body.data.roles ?? [...ALL_ROLES],
    ...(server === null ? {} : { server }),
  };
  let row: DeviceIdentity;
  try {
    row = await secureToken(identity);
  } catch (error) {
    // The shell would not keep the token (no keyring): say so rather than fail silently.
    return fail((error as Error).message);
  }
  // One transaction: a device id the server knows, kept without its token, could not enroll
  // again with no code (server/auth/enroll-device.ts), and events renumbered for an epoch the
  // device does not hold would be refused; a failed write leaves the device as it was.
  try {
    await db.transaction('rw', db.syncState, db.outbox, db.operators, async () => {
      await writeState(db, KEYS.identity, row);
      await writeState(db, 'deviceId', identity.deviceId);
      await adoptRoles(db, rolesBefore, identity.roles!);
      await renumber(db, 1);
      await writeState(db, KEYS.needsEnrollment, false);
    });
  } catch (error) {
    return fail(
      `This device could not keep its enrollment (${(error as Error).message}). Enroll again.`,
    );
  }
  return ok(identity);
};
