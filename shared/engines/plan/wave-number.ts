// The number the next plan's first wave takes: one past the highest wave number among the waves
// released that day ("1 Dec · 16:00 cut-off · Wave 3", or the older "Wave 3 · … · 2 tours";
// "Wave 3.2" counts as 3), so a second plan of the day never starts again at "Wave 1".
export const nextWaveNumber = (
  waves: readonly { name: string; releasedAt: string }[],
  sameDay: (releasedAt: string) => boolean,
): number => {
  let highest = 0;
  for (const w of waves) {
    if (!sameDay(w.releasedAt)) continue;
    const m = /\bWave (\d+)/.exec(w.name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return highest + 1;
};

// The day as people say it on the station's clock ("1 Dec"), and whether a time falls on it.
export const dayWords = (now: Date): string =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(now);

export const onDayOf =
  (now: Date) =>
  (at: string): boolean => {
    const t = new Date(at);
    return (
      t.getFullYear() === now.getFullYear() &&
      t.getMonth() === now.getMonth() &&
      t.getDate() === now.getDate()
    );
  };
