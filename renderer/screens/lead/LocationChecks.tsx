import { useState, type ReactNode } from 'react';
import { useAct } from '../../actions/use-act';
import { FormMessage } from '../../components/FormMessage';
import { useFloorSettings } from '../../db/tables/floor';
import { loadLocations } from '../../db/tables/locations';
import { LocationLabels } from '../../print/LocationLabels';

// Location check digits, as RF systems use them: the lead switches on, for every station, that a
// location typed by hand needs the two digits on its label; and prints every location's digits
// for the labels. A scanned label never needs them.
export const LocationChecks = ({
  printedAt,
  onPrint,
}: {
  printedAt: string;
  onPrint: (sheet: ReactNode) => void;
}) => {
  const on = useFloorSettings().locationCheckDigits;
  const act = useAct();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const toggle = async () => {
    setBusy(true);
    try {
      const done = await act('floor-settings.changed', { locationCheckDigits: !on });
      setMessage(
        !done.ok
          ? { text: done.reason, error: true }
          : {
              text: on
                ? 'Saved: a typed location needs its code only.'
                : 'Saved: a typed location needs the check digits on its label; scans are as before.',
              error: false,
            },
      );
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    const locations = await loadLocations();
    if (locations.length === 0)
      return setMessage({ text: 'No location is on this station yet: sync first.', error: true });
    onPrint(<LocationLabels locations={locations} printedAt={printedAt} />);
  };

  return (
    <section aria-labelledby="location-checks-title" className="location-checks">
      <h2 id="location-checks-title">Location check digits</h2>
      <label className="inline">
        <input type="checkbox" checked={on} disabled={busy} onChange={() => void toggle()} />A
        location typed by hand needs the two check digits on its label
      </label>
      <button type="button" className="button-quiet" onClick={() => void print()}>
        Print location check digits
      </button>
      <FormMessage message={message} />
    </section>
  );
};
