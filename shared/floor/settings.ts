// The floor settings a lead sets for the warehouse, and the values used until they do.
export interface FloorRules {
  // A picker may claim a tour only while holding none (a lead may still assign more).
  oneTourPerPicker: boolean;
  // Lines a picker picks per hour, walking aside: the expected time of a tour.
  pickRatePerHour: number;
  // Minutes with no pick on a held tour before the floor view flags it as stalled.
  stallMinutes: number;
}

export const FLOOR_DEFAULTS: FloorRules = {
  oneTourPerPicker: true,
  pickRatePerHour: 60,
  stallMinutes: 10,
};
