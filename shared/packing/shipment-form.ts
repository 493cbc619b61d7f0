import type { Result } from '../result';
import { ShipmentConfirmedSchema } from '../sync-api/events/packer';

// The shipment form as typed: every field text, checked here field by field before anything is
// sent, so a bad one is named with its reason and the rest stay as typed.
export interface ShipmentFormInput {
  carrier: string;
  service: string;
  trackingNumber: string;
  weightKg: string;
  parcels: string;
}
export type ShipmentField = keyof ShipmentFormInput;

export interface ShipmentDetails {
  carrier: string;
  service: string;
  trackingNumber: string;
  weightKg: number;
  parcels: number;
}

export type ShipmentFormResult =
  | { ok: true; value: ShipmentDetails }
  | { ok: false; errors: Partial<Record<ShipmentField, string>> };

// The limits the form's fields carry too (maxLength), and shipment.confirmed's schema.
// Read from the schema, never retyped: the form cannot drift from what the server takes.
const shape = ShipmentConfirmedSchema.shape;
export const SHIPMENT_LIMITS = {
  service: shape.service.maxLength!,
  trackingNumber: shape.trackingNumber.maxLength!,
  // As typed: "12.345" or "12,345".
  weightText: 10,
  weightKgMax: shape.weightKg.maxValue!,
  parcelsMax: shape.parcels.maxValue!,
  parcelsDigits: String(shape.parcels.maxValue!).length,
} as const;

const WEIGHT = /^\d{1,6}([.,]\d{1,3})?$/;

// `checkTracking` is the carrier's own rule (shape and check digit), returning the number as it
// goes on the shipment (spaces taken out, upper case) or why it cannot be that carrier's.
export const checkShipmentForm = (
  input: ShipmentFormInput,
  carrierIds: readonly string[],
  checkTracking: (carrierId: string, raw: string) => Result<string>,
): ShipmentFormResult => {
  const errors: Partial<Record<ShipmentField, string>> = {};
  const carrier = input.carrier.trim();
  if (!carrier) errors.carrier = 'Choose the carrier.';
  else if (!carrierIds.includes(carrier)) errors.carrier = 'Choose a carrier from the list.';
  const service = input.service.trim();
  if (!service) errors.service = 'Choose the service.';
  else if (service.length > SHIPMENT_LIMITS.service)
    errors.service = `The service is too long: at most ${SHIPMENT_LIMITS.service} characters.`;
  const raw = input.trackingNumber.trim();
  let trackingNumber = raw;
  if (!raw) errors.trackingNumber = 'Scan or type the tracking number.';
  else if (raw.length > SHIPMENT_LIMITS.trackingNumber)
    errors.trackingNumber = `The tracking number is too long: at most ${SHIPMENT_LIMITS.trackingNumber} characters.`;
  else if (!errors.carrier) {
    const checked = checkTracking(carrier, raw);
    if (checked.ok) trackingNumber = checked.value;
    else errors.trackingNumber = checked.reason;
  }
  const w = input.weightKg.trim();
  const weightKg = Number(w.replace(',', '.'));
  if (!w) errors.weightKg = 'Weigh the parcels and type the weight in kg.';
  else if (!WEIGHT.test(w))
    errors.weightKg = 'The weight is a number of kg, up to 3 decimals, such as 2.5.';
  else if (weightKg <= 0) errors.weightKg = 'The weight must be more than 0 kg.';
  else if (weightKg > SHIPMENT_LIMITS.weightKgMax)
    errors.weightKg = `The weight is too large: at most ${SHIPMENT_LIMITS.weightKgMax.toLocaleString('en')} kg.`;
  const p = input.parcels.trim();
  const parcels = Number(p);
  if (!p) errors.parcels = 'Say how many parcels (1 or more).';
  else if (!/^\d{1,4}$/.test(p) || parcels < 1)
    errors.parcels = 'The parcels are a whole number, 1 or more.';
  else if (parcels > SHIPMENT_LIMITS.parcelsMax)
    errors.parcels = `Too many parcels: at most ${SHIPMENT_LIMITS.parcelsMax} in one shipment.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { carrier, service, trackingNumber, weightKg, parcels } };
};

// The carrier the order asks for (the OMS's name for it: "UPS", "DHL"), as one of the station's
// carriers, to start the form with; null when none fits (the packer chooses).
export const requestedCarrier = (
  carriers: readonly { id: string; name: string }[],
  requested: string | null | undefined,
): string | null => {
  const want = requested?.trim().toUpperCase();
  if (!want) return null;
  const fit = carriers.find(
    (c) =>
      c.id.toUpperCase() === want ||
      c.name.toUpperCase() === want ||
      c.name.toUpperCase().startsWith(`${want} `),
  );
  return fit?.id ?? null;
};
