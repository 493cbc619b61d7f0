import { useState } from 'react';
import type { PackStationSettings } from '../../../shared/packing/station-settings';
import { savePackSettings } from '../../packing/station-settings';
import { FormMessage } from '../../components/FormMessage';
import { FIELD_LIMITS } from '../../../shared/field-limits';

// This station's way of verifying a tote, and its code (its totes listed first).
export const PackSettings = ({
  settings,
  onSaved,
}: {
  settings: PackStationSettings;
  onSaved: (s: PackStationSettings) => void;
}) => {
  const [verify, setVerify] = useState(settings.verify);
  const [station, setStation] = useState(settings.station);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <details className="pack-settings">
      <summary>Station settings</summary>
      <form
        // A changed setting makes "Saved." or the last refusal old news.
        onChange={() => setMessage(null)}
        onSubmit={(e) => {
          e.preventDefault();
          const done = savePackSettings({ verify, station });
          if (done.ok) onSaved(done.value);
          setMessage(
            done.ok ? { error: false, text: 'Saved.' } : { error: true, text: done.reason },
          );
        }}
      >
        <label>
          Verify each tote by
          <select
            value={verify}
            onChange={(e) => setVerify(e.target.value as PackStationSettings['verify'])}
          >
            <option value="scan">Scanning each item</option>
            <option value="count">Confirming counts</option>
          </select>
        </label>
        <label>
          This station&apos;s code
          <input
            value={station}
            onChange={(e) => setStation(e.target.value)}
            maxLength={FIELD_LIMITS.stationSetting}
          />
        </label>
        <button type="submit">Save station settings</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
};
