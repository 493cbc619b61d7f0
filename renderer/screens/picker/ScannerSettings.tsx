import { useState } from 'react';
import { loadScannerConfig, saveScannerConfig } from '../../picking/scanner-settings';
import { FormMessage } from '../../components/FormMessage';
import { FIELD_LIMITS } from '../../../shared/field-limits';

// The scanner's prefix, suffix and timing, for a wedge scanner set up differently from the
// factory defaults.
export const ScannerSettings = () => {
  const [saved] = useState(loadScannerConfig);
  const [prefix, setPrefix] = useState(saved.prefix ?? '');
  const [suffix, setSuffix] = useState<string>(saved.suffix);
  const [gap, setGap] = useState(String(saved.maxGapMs));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <details className="scanner-settings">
      <summary>Scanner settings</summary>
      <form
        // A changed setting makes "Saved." or the last refusal old news.
        onChange={() => setMessage(null)}
        onSubmit={(e) => {
          e.preventDefault();
          const done = saveScannerConfig({
            ...(prefix ? { prefix } : {}),
            suffix,
            maxGapMs: Number(gap),
            minLength: saved.minLength,
          });
          setMessage(
            done.ok ? { error: false, text: 'Saved.' } : { error: true, text: done.reason },
          );
        }}
      >
        <label>
          Prefix the scanner sends first
          <input
            value={prefix}
            onChange={(e) => setPrefix(e.target.value)}
            maxLength={FIELD_LIMITS.scannerPrefix}
          />
        </label>
        <label>
          Key after each code
          <select value={suffix} onChange={(e) => setSuffix(e.target.value)}>
            <option value="Enter">Enter</option>
            <option value="Tab">Tab</option>
          </select>
        </label>
        <label>
          Most ms between a scan&apos;s keys
          <input
            inputMode="numeric"
            value={gap}
            onChange={(e) => setGap(e.target.value)}
            maxLength={FIELD_LIMITS.scannerGapDigits}
          />
        </label>
        <button type="submit">Save scanner settings</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
};
