import { z } from 'zod';
import { OperatorRoleSchema, type OperatorRole } from '../domain/operator';
import { fail, ok, type Result } from '../result';

// The roles a device may sign in. An enrollment code carries them and the device keeps them: it
// holds only those roles' PIN records, and its sign-in screen refuses anyone else.
export const ALL_ROLES: readonly OperatorRole[] = OperatorRoleSchema.options;

export const DeviceRolesSchema = z
  .array(OperatorRoleSchema)
  .min(1, { error: 'name at least one role' })
  .max(ALL_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, { error: 'a role is named twice' });

// Sorted in the one order of ALL_ROLES, so equal sets compare equal.
export const normalizeRoles = (roles: readonly OperatorRole[]): OperatorRole[] =>
  ALL_ROLES.filter((r) => roles.includes(r));

export const sameRoles = (a: readonly OperatorRole[], b: readonly OperatorRole[]): boolean =>
  normalizeRoles(a).join() === normalizeRoles(b).join();

// "picker,packer" as typed after --roles.
export const parseRolesList = (text: string): Result<OperatorRole[]> => {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.find((n) => !OperatorRoleSchema.safeParse(n).success);
  if (unknown !== undefined)
    return fail(`"${unknown}" is not a role: use ${ALL_ROLES.join(', ')}, comma-separated`);
  const parsed = DeviceRolesSchema.safeParse(names);
  return parsed.success
    ? ok(normalizeRoles(parsed.data))
    : fail(`--roles: ${parsed.error.issues[0]!.message}`);
};

const PLURAL: Record<OperatorRole, string> = {
  picker: 'pickers',
  lead: 'leads',
  packer: 'packers',
};

// "pickers", "pickers and packers", "pickers, leads and packers".
export const describeRoles = (roles: readonly OperatorRole[]): string => {
  const words = normalizeRoles(roles).map((r) => PLURAL[r]);
  return words.length <= 1
    ? (words[0] ?? 'nobody')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
};

// Why this device will not sign this operator in, or null when it will.
export const roleRefusal = (
  operator: { name: string; role: OperatorRole },
  deviceRoles: readonly OperatorRole[],
): string | null =>
  deviceRoles.includes(operator.role)
    ? null
    : `${operator.name} is a ${operator.role}, and this device is enrolled for ${describeRoles(deviceRoles)} only. Sign in on another device, or ask an admin to enroll this one with the ${operator.role} role.`;
