import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPin } from '../../../../renderer/auth/check-pin';
import { hashPin } from '../../../../server/auth/pin-hash';

// The server stores the PIN with node:crypto; the device checks it offline with WebCrypto.
describe('checkPin (WebCrypto, offline)', () => {
  const record = hashPin('4711');
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;

  it('accepts the right PIN against the synced operator record', async () => {
    expect(await checkPin(record, '4711', subtle)).toBe(true);
  });

  it('refuses a wrong PIN, and any PIN for an operator without one', async () => {
    expect(await checkPin(record, '4712', subtle)).toBe(false);
    expect(await checkPin(record, '', subtle)).toBe(false);
    expect(
      await checkPin({ pinHash: null, pinSalt: null, pinIterations: null }, '4711', subtle),
    ).toBe(false);
  });

  it('uses the salt and iteration count of the record', async () => {
    const other = hashPin('4711', 'ab'.repeat(16), 1000);
    expect(other.pinHash).not.toBe(record.pinHash);
    expect(await checkPin(other, '4711', subtle)).toBe(true);
    expect(await checkPin({ ...other, pinIterations: 1001 }, '4711', subtle)).toBe(false);
  });
});
