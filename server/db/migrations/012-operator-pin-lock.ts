// The PIN lock counted across devices (shared/auth/pin-lock.ts): each device's wrong PINs reach the
// server as operator.pin-refused events and add up on the operator's row, which every device pulls.
// A lead's operator.unlocked, a right PIN or an admin's PIN reset clears it.
export const sql = /* sql */ `
ALTER TABLE operators ADD COLUMN wrong_pins int NOT NULL DEFAULT 0 CHECK (wrong_pins >= 0);
ALTER TABLE operators ADD COLUMN pin_locked_until timestamptz;
`;
