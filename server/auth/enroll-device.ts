import { randomUUID } from 'node:crypto';
import { ALL_ROLES } from '../../shared/auth/roles';
import type { OperatorRole } from '../../shared/domain/operator';
import type { Clock } from '../clock';
import type { Queryable } from '../db/db';
import { HttpError } from '../errors';
import { enrollDevice, tokenDeviceId, tokenMatches } from './devices';
import { markCodeUsed, readEnrollmentCode, type CodeProblem } from './enrollment';

const PROBLEMS: Record<CodeProblem, string> = {
  'code-unknown':
    'This enrollment code is not one the server issued: check it, or ask an admin for a new one.',
  'code-used': 'This enrollment code was already used: ask an admin for a new one.',
  'code-expired': 'This enrollment code has expired: ask an admin for a new one.',
};

export interface EnrollInput {
  code?: string | undefined;
  deviceId?: string | undefined;
  name: string;
  // The bearer token sent with the request, if any: a device that enrolls again proves with it
  // that it is the device it names.
  token: string | null;
  // A loopback caller of the embedded server may enroll a new device with no code.
  codeLessAllowed: boolean;
}

// Enrolls a device, or throws the refusal; inside one transaction, so a refusal uses up no code.
// Who may re-key an existing device: that device (its current token) or whoever holds a code an
// admin issued for it. Anyone else with any code, or on loopback, would take it over: its id is
// in every event it pushed, and its real token would stop working.
export const enrollWith = async (q: Queryable, input: EnrollInput, clock: Clock) => {
  const grant = input.code ? await readEnrollmentCode(q, input.code, clock) : null;
  if (typeof grant === 'string') throw new HttpError(403, grant, PROBLEMS[grant]);
  if (grant?.deviceId && input.deviceId && input.deviceId !== grant.deviceId) {
    throw new HttpError(
      403,
      'code-for-another-device',
      `This enrollment code was issued to re-enroll device ${grant.deviceId}, not this one: ask an admin for a code for this device.`,
    );
  }
  const deviceId = grant?.deviceId ?? input.deviceId ?? randomUUID();
  const [existing] = await q.query<{ token_hash: string; revoked: boolean }>(
    'SELECT token_hash, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE',
    [deviceId],
  );
  const provenByToken =
    existing !== undefined &&
    !existing.revoked &&
    input.token !== null &&
    tokenDeviceId(input.token) === deviceId &&
    tokenMatches(input.token, existing.token_hash);
  if (!grant && !provenByToken && !input.codeLessAllowed) {
    throw new HttpError(
      401,
      'code-required',
      'Enrolling a device needs a one-time code from an admin.',
    );
  }
  if (existing && !provenByToken && grant?.deviceId !== deviceId) {
    throw new HttpError(
      403,
      'device-enrolled',
      `Device ${deviceId} is already enrolled: enrolling it again needs its current token, or a code an admin issued for it (npm run admin -- enrollment-code --device ${deviceId}).`,
    );
  }
  if (grant && input.code) await markCodeUsed(q, input.code, deviceId, clock);
  // A code sets the roles; re-keyed with its own token a device keeps its roles; a new device
  // enrolled with no code (loopback, the station's own server) may sign in every role.
  const roles: readonly OperatorRole[] | null = grant ? grant.roles : existing ? null : ALL_ROLES;
  return enrollDevice(q, input.name, clock, deviceId, roles);
};
