import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adoptRoles, deviceRoles } from '../../../../renderer/auth/device-roles';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';
import { KEYS, readState, writeState } from '../../../../renderer/sync/sync-state';

const record = { pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 1000 };

describe("a device's roles", () => {
  it('signs in every role when enrolled before roles existed', async () => {
    const db = new FillwaveDb(`roles-${randomUUID()}`);
    await writeState(db, KEYS.identity, { deviceId: 'd', token: 't', epoch: 'e' });
    expect(await deviceRoles(db)).toEqual(['picker', 'lead', 'packer']);
    db.close();
  });

  it('drops the PIN records of roles it lost at once, and pulls again from the start', async () => {
    const db = new FillwaveDb(`roles-${randomUUID()}`);
    await db.operators.bulkPut([
      { id: 'op-l', badge: 'L1', name: 'Lee', role: 'lead', active: true, ...record },
      { id: 'op-p', badge: 'P1', name: 'Pat', role: 'picker', active: true, ...record },
    ]);
    await writeState(db, KEYS.checkpoint, 'somewhere');
    await adoptRoles(db, ['picker', 'lead', 'packer'], ['picker']);
    expect(await db.operators.get('op-l')).toMatchObject({
      name: 'Lee',
      pinHash: null,
      pinSalt: null,
    });
    expect(await db.operators.get('op-p')).toMatchObject(record);
    expect(await readState(db, KEYS.checkpoint)).toBeUndefined();
    // Unchanged roles: nothing to pull again.
    await writeState(db, KEYS.checkpoint, 'somewhere');
    await adoptRoles(db, ['picker'], ['picker']);
    expect(await readState(db, KEYS.checkpoint)).toBe('somewhere');
    db.close();
  });
});
