import type { KeyboardEvent } from 'react';
import type { ExpectedReceipt } from '../../../shared/domain/expected-receipt';
import type { Sku } from '../../../shared/domain/sku';
import type {
  ReceiptErrors,
  ReceiptField,
  ReceiptForm as Form,
} from '../../../shared/receiving/receipt-form';
import { FIELD_LIMITS } from '../../../shared/field-limits';

const FieldError = ({ field, text }: { field: ReceiptField; text: string | undefined }) =>
  text ? (
    <span className="error pack-field-error" id={`receive-err-${field}`} role="alert">
      {text}
    </span>
  ) : null;

const day = (iso: string) =>
  new Date(iso).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

// The receipt's fields: the item and the location scanned (anywhere on the screen) or typed, the
// quantity typed, and the expected receipt it fulfils when the item has any. A scanner's Enter in
// a field moves to the next one; Enter in the location receives.
export const ReceiptForm = ({
  form,
  errors,
  sku,
  expected,
  busy,
  onChange,
  onReceive,
}: {
  form: Form;
  errors: ReceiptErrors;
  // The item the item field names now, when it names one.
  sku: Sku | undefined;
  expected: readonly ExpectedReceipt[];
  busy: boolean;
  onChange: (field: keyof Form, value: string) => void;
  onReceive: () => void;
}) => {
  const props = (field: ReceiptField) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `receive-err-${field}` : undefined,
  });
  const next = (id: string) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <form
      className="pack-ship form"
      aria-label="Receipt"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onReceive();
      }}
    >
      <div className="pack-field">
        <label htmlFor="receive-sku">Item (scan, or type the SKU code or barcode)</label>
        <input
          id="receive-sku"
          value={form.skuCode}
          onChange={(e) => onChange('skuCode', e.target.value)}
          onKeyDown={next('receive-qty')}
          autoComplete="off"
          spellCheck={false}
          maxLength={FIELD_LIMITS.itemCode}
          {...props('sku')}
        />
        {sku && !errors.sku && (
          <span className="queue-sub" data-testid="receive-sku-name">
            {sku.sku} · {sku.description}
          </span>
        )}
        <FieldError field="sku" text={errors.sku} />
      </div>
      <div className="pack-field">
        <label htmlFor="receive-qty">Quantity received</label>
        <input
          id="receive-qty"
          inputMode="numeric"
          value={form.qty}
          onChange={(e) => onChange('qty', e.target.value)}
          onKeyDown={next('receive-location')}
          autoComplete="off"
          maxLength={FIELD_LIMITS.receiptQtyText}
          {...props('qty')}
        />
        <FieldError field="qty" text={errors.qty} />
      </div>
      <div className="pack-field">
        <label htmlFor="receive-location">Location (scan its label, or type its code)</label>
        <input
          id="receive-location"
          value={form.locationCode}
          onChange={(e) => onChange('locationCode', e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={FIELD_LIMITS.locationCode}
          {...props('location')}
        />
        <FieldError field="location" text={errors.location} />
      </div>
      {(expected.length > 0 || errors.expectedReceipt) && (
        <div className="pack-field">
          <label htmlFor="receive-expected">Against an expected receipt</label>
          <select
            id="receive-expected"
            value={form.expectedReceiptId}
            onChange={(e) => onChange('expectedReceiptId', e.target.value)}
            {...props('expectedReceipt')}
          >
            <option value="">None</option>
            {expected.map((e) => (
              <option key={e.id} value={e.id}>
                {e.qty} expected {day(e.expectedAt)} ({e.id})
              </option>
            ))}
          </select>
          <FieldError field="expectedReceipt" text={errors.expectedReceipt} />
        </div>
      )}
      <button type="submit" disabled={busy}>
        Receive
      </button>
    </form>
  );
};
