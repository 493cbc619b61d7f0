import { describe, expect, it } from 'vitest';
import { checkShipmentForm, requestedCarrier } from '../../../../shared/packing/shipment-form';
import { CARRIERS, checkTrackingNumber } from '../../../../shared/shipping/tracking-number';

const ids = CARRIERS.map((c) => c.id);
const good = {
  carrier: 'ups',
  service: 'Ground',
  trackingNumber: '1z 999 aa1 01 2345 678 4',
  weightKg: '12,5',
  parcels: '2',
};

describe('the shipment form', () => {
  it('gives the shipment its carrier rule’s number, the weight in kg and the parcels', () => {
    expect(checkShipmentForm(good, ids, checkTrackingNumber)).toEqual({
      ok: true,
      value: {
        carrier: 'ups',
        service: 'Ground',
        trackingNumber: '1Z999AA10123456784',
        weightKg: 12.5,
        parcels: 2,
      },
    });
  });

  it('refuses each bad field with its own reason', () => {
    const r = checkShipmentForm(
      { carrier: 'nope', service: '', trackingNumber: '', weightKg: '1.2345', parcels: '1001' },
      ids,
      checkTrackingNumber,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        carrier: 'Choose a carrier from the list.',
        service: 'Choose the service.',
        trackingNumber: 'Scan or type the tracking number.',
        weightKg: 'The weight is a number of kg, up to 3 decimals, such as 2.5.',
        parcels: 'Too many parcels: at most 1000 in one shipment.',
      },
    });
    const bad = checkShipmentForm(
      { ...good, trackingNumber: '1Z999AA10123456785', weightKg: '-1', parcels: '0' },
      ids,
      checkTrackingNumber,
    );
    expect(bad.ok ? null : Object.keys(bad.errors).sort()).toEqual([
      'parcels',
      'trackingNumber',
      'weightKg',
    ]);
  });

  it('starts with the carrier the order asks for, when the station has it', () => {
    expect(requestedCarrier(CARRIERS, 'UPS')).toBe('ups');
    expect(requestedCarrier(CARRIERS, 'DHL')).toBe('dhl-express');
    expect(requestedCarrier(CARRIERS, 'fedex')).toBe('fedex');
    expect(requestedCarrier(CARRIERS, 'GLS')).toBeNull();
    expect(requestedCarrier(CARRIERS, null)).toBeNull();
  });
});
