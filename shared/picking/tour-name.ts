// A tour as people call it: its number in its wave and the wave's name ("Tour 2 of Wave 3"),
// never its id. Without the wave's row (not synced yet) the number alone.
export const tourName = (tour: { sequence: number }, waveName?: string | null): string =>
  waveName ? `Tour ${tour.sequence + 1} of ${waveName}` : `Tour ${tour.sequence + 1}`;
