import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { PIN_ITERATIONS, PIN_KEY_BYTES, PIN_SALT_BYTES } from '../../shared/auth/pin-params';

export interface PinRecord {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

export const hashPin = (
  pin: string,
  salt = randomBytes(PIN_SALT_BYTES).toString('hex'),
  iterations = PIN_ITERATIONS,
): PinRecord => ({
  pinHash: pbkdf2Sync(pin, Buffer.from(salt, 'hex'), iterations, PIN_KEY_BYTES, 'sha256').toString(
    'hex',
  ),
  pinSalt: salt,
  pinIterations: iterations,
});
