// How PINs are stored, the same on the server (node:crypto) and on devices (WebCrypto):
// PBKDF2 with SHA-256, a 16-byte random salt per operator, a 32-byte key, in hex.
export const PIN_ITERATIONS = 210_000;
export const PIN_SALT_BYTES = 16;
export const PIN_KEY_BYTES = 32;
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);
export const PIN_RULE = `a PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits`;
