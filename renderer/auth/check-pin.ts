import { PIN_KEY_BYTES } from '../../shared/auth/pin-params';
import type { Operator } from '../../shared/domain/operator';

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) => new Uint8Array(text.match(/../g)!.map((h) => parseInt(h, 16)));

// Checks a PIN against the synced operator record, offline, with WebCrypto. The comparison is
// of two hashes: its timing says nothing about the PIN.
export const checkPin = async (
  operator: Pick<Operator, 'pinHash' | 'pinSalt' | 'pinIterations'>,
  pin: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<boolean> => {
  if (!operator.pinHash || !operator.pinSalt || !operator.pinIterations) return false;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: fromHex(operator.pinSalt),
      iterations: operator.pinIterations,
    },
    key,
    PIN_KEY_BYTES * 8,
  );
  const derived = hex(bits);
  let diff = derived.length ^ operator.pinHash.length;
  for (let i = 0; i < derived.length; i++)
    diff |= derived.charCodeAt(i) ^ operator.pinHash.charCodeAt(i % operator.pinHash.length);
  return diff === 0;
};
