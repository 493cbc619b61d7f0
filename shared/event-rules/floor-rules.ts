import { FLOOR_DEFAULTS, type FloorRules } from '../floor/settings';
import type { Draft } from './draft';

// The warehouse's floor settings as a rule reads them. Until the lead's floorSettings entity is
// synced here, the defaults.
export const floorRulesOf = (_d: Draft): FloorRules => FLOOR_DEFAULTS;
