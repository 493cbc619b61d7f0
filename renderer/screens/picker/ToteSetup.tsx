import type { Slot } from '../../../shared/picking/tour-controller';
import type { EntryKind } from '../../../shared/sync-api/events/picker';
import { ManualEntry } from './ManualEntry';

export type { Slot };

// Start of a tour: a tote into each cart slot, one order per tote. The screen's scanner sends
// each scan to the first empty slot.
export const ToteSetup = ({
  slots,
  onScan,
}: {
  slots: Slot[];
  onScan: (text: string, entry: EntryKind) => void;
}) => {
  const next = slots.find((s) => !s.toteCode);
  return (
    <div className="tote-setup">
      <h2>Totes onto the cart</h2>
      {next && (
        <p className="prompt" aria-live="polite">
          Scan a tote for slot {next.slot + 1} (order {next.orderId})
        </p>
      )}
      {/* The field before the list: a cart of many slots never pushes it off a handheld. */}
      <ManualEntry label="Tote code" onEnter={onScan} />
      <ol className="slots">
        {slots.map((s) => (
          <li key={s.slot} className={s.toteCode ? 'done' : ''}>
            Slot {s.slot + 1} · order {s.orderId} · {s.toteCode ?? 'no tote yet'}
          </li>
        ))}
      </ol>
    </div>
  );
};
