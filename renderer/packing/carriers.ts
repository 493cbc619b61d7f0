import type { Result } from '../../shared/result';

// TEMPORARY until branch `tracking` lands shared/shipping/tracking-number.ts (CARRIERS and each
// carrier's check-digit rule): a plain shape check, so the pack station runs meanwhile.
export interface CarrierChoice {
  id: string;
  name: string;
  services: readonly string[];
}

export const CARRIER_CHOICES: readonly CarrierChoice[] = [
  { id: 'other', name: 'Other carrier', services: ['Standard'] },
];

export const checkTrackingNumber = (_carrierId: string, raw: string): Result<string> => {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9-]{6,40}$/.test(value)
    ? { ok: true, value }
    : { ok: false, reason: 'A tracking number is 6 to 40 letters and digits.' };
};
