import { FIELD_LIMITS } from '../../shared/field-limits';
// The fields of a handheld's exception forms (a short pick, an item taken out at packing).

// A whole quantity typed on a number pad: digits only, as many as the event's schema takes.
export const QuantityField = ({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (digits: string) => void;
}) => (
  <label>
    {label}
    <input
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      maxLength={FIELD_LIMITS.quantityDigits}
    />
  </label>
);

// Why, as one choice among the event's reasons, each in words; none chosen until the person does.
export const ReasonChoice = <R extends string>({
  name,
  reasons,
  labels,
  value,
  onChange,
}: {
  name: string;
  reasons: readonly R[];
  labels: Record<R, string>;
  value: R | null;
  onChange: (reason: R) => void;
}) => (
  <fieldset>
    <legend>Why</legend>
    {reasons.map((r) => (
      <label key={r} className="choice">
        <input type="radio" name={name} checked={value === r} onChange={() => onChange(r)} />
        {labels[r]}
      </label>
    ))}
  </fieldset>
);
