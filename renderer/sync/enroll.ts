import { describeIssues } from '../../shared/describe-issues';
import { fail, ok, type Result } from '../../shared/result';
import { ErrorBodySchema } from '../../shared/sync-api/errors';
import { EnrollResponseSchema } from '../../shared/sync-api/enroll';
import type { FillwaveDb } from '../db/fillwave-db';
import { ALL_ROLES } from '../../shared/auth/roles';
import { adoptRoles, deviceRoles } from '../auth/device-roles';
import { loadIdentity, saveIdentity } from '../platform/credentials';
import { renumber } from './outbox';
import { KEYS, readState, writeState, type DeviceIdentity } from './sync-state';

// Enrolls this device with a server: a code from an admin, or none on the embedded server. A
// device keeps its id for life, so enrolling again keeps its unsent events; they are renumbered
// into the new epoch. It sends its current token, if it has one: that proves it is the device it
// names, which the server asks of a device that enrolls again without a code issued for it.
export const enroll = async (
  db: FillwaveDb,
  input: { serverUrl: string; code: string; name: string },
  newId: () => string,
  fetchFn: typeof fetch = fetch,
): Promise<Result<DeviceIdentity>> => {
  let base: string;
  try {
    const url = new URL(input.serverUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return fail('The server address must start with https:// (or http:// on this machine).');
    base = url.origin;
  } catch {
    return fail(
      `"${input.serverUrl}" is not a server address; it looks like https://fillwave.lan:4780`,
    );
  }
  const deviceId = (await readState<string>(db, 'deviceId')) ?? newId();
  const current = await loadIdentity(db);
  // Only to the server that issued it: a token sent to another address is a token given away.
  const proof: Record<string, string> =
    current?.deviceId === deviceId && current.serverUrl === base && current.token
      ? { authorization: `Bearer ${current.token}` }
      : {};
  let res: Response;
  try {
    res = await fetchFn(`${base}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...proof },
      body: JSON.stringify({
        deviceId,
        name: input.name,
        ...(input.code.trim() ? { code: input.code.trim() } : {}),
      }),
    });
  } catch {
    return fail(`The server at ${base} does not answer. Check the address and the network.`);
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.status !== 201) {
    const error = ErrorBodySchema.safeParse(json);
    return fail(error.success ? error.data.message : `The server answered ${res.status}.`);
  }
  const body = EnrollResponseSchema.safeParse(json);
  if (!body.success)
    return fail(
      `The server's answer is not one this app understands (${describeIssues(body.error)}).`,
    );
  const identity: DeviceIdentity = {
    serverUrl: base,
    deviceId: body.data.deviceId,
    token: body.data.token,
    epoch: body.data.epoch,
    roles: body.data.roles ?? [...ALL_ROLES],
  };
  await adoptRoles(db, await deviceRoles(db), identity.roles!);
  await saveIdentity(db, identity);
  // Kept only once its token is: a device id the server knows, without its token, could not
  // enroll again with no code (server/auth/enroll-device.ts), so a failed save starts afresh.
  await writeState(db, 'deviceId', identity.deviceId);
  await renumber(db, 1);
  await writeState(db, KEYS.needsEnrollment, false);
  return ok(identity);
};
