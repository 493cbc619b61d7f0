import { z } from 'zod';
import { IdSchema, text } from '../../domain/common';

// Sign-in on a device, told to the server so the PIN lock holds on every device
// (shared/auth/pin-lock.ts). The event's operator is the badge's: the device checked the PIN
// against that operator's record, which it holds only for the roles it may sign in.

// A wrong PIN for the badge.
export const OperatorPinRefusedSchema = z.strictObject({});

// The right PIN after wrong ones: the run of wrong PINs ends. Not sent when there were none.
export const OperatorPinAcceptedSchema = z.strictObject({});

// A lead lifts an operator's lock before it runs out (they came to the lead's station). Needs the
// lead role.
export const OperatorUnlockedSchema = z.strictObject({
  operatorId: IdSchema,
  reason: text(1, 200).optional(),
});
