import type { OperatorRole } from '../../shared/domain/operator';
import type { Change } from '../../shared/sync-api/pull';

// What one device may see of the change stream. An operator of a role the device may not sign in
// comes without a PIN record: the device still shows their name (a picker sees which lead
// released a wave, a packer who picked a tote), but a stolen handheld holds nothing to search
// offline for them. The fields are sent as null rather than left out, so a device that held a
// record (before the operator's role changed) drops it.
export const forDevice = <C extends Change>(changes: C[], roles: readonly OperatorRole[]): C[] =>
  changes.map((c) =>
    c.entity === 'operator' && c.row && !roles.includes(c.row.role as OperatorRole)
      ? { ...c, row: { ...c.row, pinHash: null, pinSalt: null, pinIterations: null } }
      : c,
  );
