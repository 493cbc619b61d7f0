import { useState, type KeyboardEvent } from 'react';
import {
  checkShipmentForm,
  requestedCarrier,
  SHIPMENT_LIMITS,
  type ShipmentDetails,
  type ShipmentField,
  type ShipmentFormInput,
} from '../../../shared/packing/shipment-form';
import { CARRIERS, checkTrackingNumber } from '../../../shared/shipping/tracking-number';

const EMPTY: ShipmentFormInput = {
  carrier: '',
  service: '',
  trackingNumber: '',
  weightKg: '',
  parcels: '1',
};

const FieldError = ({ id, text }: { id: string; text: string | undefined }) =>
  text ? (
    <span className="error pack-field-error" id={id} role="alert">
      {text}
    </span>
  ) : null;

// Carrier, service, tracking number (scanned into its field or typed), weight and parcels. A
// bad field is refused by field with its reason, and nothing is sent.
export const ShipmentForm = ({
  blocker,
  busy,
  carrierAsked,
  onConfirm,
}: {
  // The carrier the order asks for, in the OMS's words; the form starts with it when it fits.
  carrierAsked: string | null;
  // Why the shipment cannot go yet (nothing verified, a ship-complete order not all here).
  blocker: string | null;
  busy: boolean;
  onConfirm: (details: ShipmentDetails) => void;
}) => {
  const [form, setForm] = useState(() => ({
    ...EMPTY,
    carrier: requestedCarrier(CARRIERS, carrierAsked) ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<ShipmentField, string>>>({});
  const carrier = CARRIERS.find((c) => c.id === form.carrier);
  const set = (field: ShipmentField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors(({ [field]: _gone, ...rest }) => rest);
  };
  const props = (field: ShipmentField) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `pack-err-${field}` : undefined,
  });
  // A scanner's Enter in the tracking field ends the number; it must not send the shipment.
  const trackingKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    document.getElementById('pack-weightKg')?.focus();
  };
  return (
    <form
      className="pack-ship form"
      aria-label="Shipment"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (blocker || busy) return;
        const checked = checkShipmentForm(
          form,
          CARRIERS.map((c) => c.id),
          checkTrackingNumber,
        );
        if (!checked.ok) return setErrors(checked.errors);
        setErrors({});
        onConfirm(checked.value);
      }}
    >
      <div className="pack-field">
        <label htmlFor="pack-carrier">Carrier</label>
        <select
          id="pack-carrier"
          value={form.carrier}
          onChange={(e) => {
            set('carrier')(e.target.value);
            set('service')('');
          }}
          {...props('carrier')}
        >
          <option value="">Choose…</option>
          {CARRIERS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {carrierAsked && <span className="hint">The order asks for {carrierAsked}.</span>}
        <FieldError id="pack-err-carrier" text={errors.carrier} />
      </div>
      <div className="pack-field">
        <label htmlFor="pack-service">Service</label>
        <select
          id="pack-service"
          value={form.service}
          onChange={(e) => set('service')(e.target.value)}
          {...props('service')}
        >
          <option value="">Choose…</option>
          {(carrier?.services ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <FieldError id="pack-err-service" text={errors.service} />
      </div>
      <div className="pack-field">
        <label htmlFor="pack-trackingNumber">Tracking number</label>
        <input
          id="pack-trackingNumber"
          value={form.trackingNumber}
          onChange={(e) => set('trackingNumber')(e.target.value)}
          onKeyDown={trackingKey}
          maxLength={SHIPMENT_LIMITS.trackingNumber}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          {...props('trackingNumber')}
        />
        <span className="hint">Scan its barcode into this field, or type it.</span>
        <FieldError id="pack-err-trackingNumber" text={errors.trackingNumber} />
      </div>
      <div className="pack-field">
        <label htmlFor="pack-weightKg">Weight (kg)</label>
        <input
          id="pack-weightKg"
          inputMode="decimal"
          value={form.weightKg}
          onChange={(e) => set('weightKg')(e.target.value)}
          maxLength={SHIPMENT_LIMITS.weightText}
          {...props('weightKg')}
        />
        <FieldError id="pack-err-weightKg" text={errors.weightKg} />
      </div>
      <div className="pack-field">
        <label htmlFor="pack-parcels">Parcels</label>
        <input
          id="pack-parcels"
          inputMode="numeric"
          value={form.parcels}
          onChange={(e) => set('parcels')(e.target.value)}
          maxLength={SHIPMENT_LIMITS.parcelsDigits}
          {...props('parcels')}
        />
        <FieldError id="pack-err-parcels" text={errors.parcels} />
      </div>
      {blocker && (
        <p className="pack-blocker" id="pack-blocker" role="status">
          {blocker}
        </p>
      )}
      <button
        type="submit"
        className="big"
        disabled={!!blocker || busy}
        aria-describedby={blocker ? 'pack-blocker' : undefined}
      >
        {blocker ? 'Cannot ship yet' : busy ? 'Recording…' : 'Confirm shipment'}
      </button>
    </form>
  );
};
