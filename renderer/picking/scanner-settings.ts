import {
  DEFAULT_BURST_CONFIG,
  parseBurstConfig,
  type BurstConfig,
} from '../../shared/scan/burst-config';
import type { Result } from '../../shared/result';

// How this device's scanner is set up (prefix, suffix, timing), kept on the device: it belongs to
// the hardware, not to whoever is signed in.
const KEY = 'fillwave.scanner';

export const loadScannerConfig = (): BurstConfig => {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return DEFAULT_BURST_CONFIG;
    const parsed = parseBurstConfig(JSON.parse(raw));
    return parsed.ok ? parsed.value : DEFAULT_BURST_CONFIG;
  } catch {
    return DEFAULT_BURST_CONFIG;
  }
};

// Bad settings are refused with the field named, and the saved ones stay as they were.
export const saveScannerConfig = (input: unknown): Result<BurstConfig> => {
  const parsed = parseBurstConfig(input);
  if (parsed.ok) localStorage.setItem(KEY, JSON.stringify(parsed.value));
  return parsed;
};
