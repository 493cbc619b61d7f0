import { describeIssues } from '../../shared/describe-issues';
import { fail, ok, type Result } from '../../shared/result';
import { ErrorBodySchema } from '../../shared/sync-api/errors';
import { EnrollResponseSchema } from '../../shared/sync-api/enroll';
import type { FillwaveDb } from '../db/fillwave-db';
import { saveIdentity } from '../platform/credentials';
import { renumber } from './outbox';
import { KEYS, readState, writeState, type DeviceIdentity } from './sync-state';

// Enrolls this device with a server: a code from an admin, or none on the embedded server. A
// device keeps its id for life, so enrolling again keeps its unsent events; they are renumbered
// into the new epoch.
export const enroll = async (
  db: FillwaveDb,
  input: { code: string; name: string },
  newId: () => string,
  fetchFn: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<Result<DeviceIdentity>> => {
  const deviceId = (await readState<string>(db, 'deviceId')) ?? newId();
  let res: Response;
  try {
    // Relative, like every API call: the page's own origin is its server (api.ts).
    res = await fetchFn('/api/v1/enroll', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deviceId,
        name: input.name,
        ...(input.code.trim() ? { code: input.code.trim() } : {}),
      }),
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
  if (!body.success)
    return fail(
      `The server's answer is not one this app understands (${describeIssues(body.error)}).`,
    );
  const identity: DeviceIdentity = {
    deviceId: body.data.deviceId,
    token: body.data.token,
    epoch: body.data.epoch,
  };
  await writeState(db, 'deviceId', identity.deviceId);
  try {
    await saveIdentity(db, identity);
  } catch (error) {
    // The shell would not keep the token (no keyring): say so rather than fail silently.
    return fail((error as Error).message);
  }
  await renumber(db, 1);
  await writeState(db, KEYS.needsEnrollment, false);
  return ok(identity);
};
