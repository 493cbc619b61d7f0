import {
  DEFAULT_FLOOR_SETTINGS,
  FLOOR_SETTINGS_ID,
  type FloorSettings,
} from '../domain/floor-settings';
import type { Draft } from './draft';
import { accepted, defineRule } from './rule';

// How the floor runs now: the lead's row, or the defaults until a lead changes one.
export const floorSettingsOf = (d: Draft): FloorSettings =>
  d.get('floorSettings', FLOOR_SETTINGS_ID) ?? DEFAULT_FLOOR_SETTINGS;

// Takes the fields the lead changed; the rest stay. The payload's schema has checked each value,
// so there is nothing left to refuse.
export const floorSettingsChanged = defineRule({
  type: 'floor-settings.changed',
  apply: (d, change) => {
    d.put('floorSettings', { ...floorSettingsOf(d), ...change, id: FLOOR_SETTINGS_ID });
    return accepted;
  },
});
