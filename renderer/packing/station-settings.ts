import {
  DEFAULT_PACK_SETTINGS,
  parsePackSettings,
  type PackStationSettings,
} from '../../shared/packing/station-settings';
import type { Result } from '../../shared/result';

// How this pack station verifies totes, kept on the device: it belongs to the station (its
// scanner, its labels), not to whoever is signed in. As the scanner's settings are kept.
const KEY = 'fillwave.pack-station';

export const loadPackSettings = (): PackStationSettings => {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return DEFAULT_PACK_SETTINGS;
    const parsed = parsePackSettings(JSON.parse(raw));
    return parsed.ok ? parsed.value : DEFAULT_PACK_SETTINGS;
  } catch {
    return DEFAULT_PACK_SETTINGS;
  }
};

// Bad settings are refused with the field named, and the saved ones stay as they were.
export const savePackSettings = (input: unknown): Result<PackStationSettings> => {
  const parsed = parsePackSettings(input);
  if (parsed.ok) localStorage.setItem(KEY, JSON.stringify(parsed.value));
  return parsed;
};
