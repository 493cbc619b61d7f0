import { describeIssues } from '../../describe-issues';
import { PickTaskSchema, type PickTask } from '../../domain/pick-task';
import { fail, ok, type Result } from '../../result';
import type { KpiLog, PickAttempt, TaskPlace } from './read-log';
import { HOUR_MS, inWindow, ratio, type KpiWindow, type Ratio } from './window';
import { compareText as cmp } from '../../compare';

// Picks are attempts: a confirmed pick (not undone) or a reported short pick, each a visit to a
// location. Active time is a picker's time on a tour, from their first to their last attempt on
// it (over the whole log), clipped to the window; where one picker's tours overlap, the overlap
// counts once. The walk to the first location and back to the depot is not seen by the log, so
// a tour with a single attempt adds a pick but no time.
export interface PickRate {
  picks: number;
  shortPicks: number;
  activeHours: number;
  picksPerHour: number | null;
  shortPickRate: number | null;
}

export interface PickingKpis {
  shortPickRate: Ratio;
  overall: PickRate;
  byWave: (PickRate & { waveId: string })[];
  byPicker: (PickRate & { pickerId: string })[];
}

type Placed = PickAttempt & TaskPlace;

interface Session {
  pickerId: string;
  waveId: string;
  startMs: number;
  endMs: number;
}

// Where each attempt's task sits: the wave.released event, or the task's row when the release
// lies before the device's history.
const place = (
  log: KpiLog,
  rows: readonly PickTask[],
): Result<{ attempts: Placed[]; sessions: Session[] }> => {
  const places = new Map(log.tasks);
  for (const [i, raw] of rows.entries()) {
    const parsed = PickTaskSchema.safeParse(raw);
    const name = typeof raw?.id === 'string' ? `pick task ${raw.id}` : `pickTasks.${i}`;
    if (!parsed.success) return fail(`${name}: ${describeIssues(parsed.error)}`);
    if (!places.has(parsed.data.id))
      places.set(parsed.data.id, { tourId: parsed.data.tourId, waveId: parsed.data.waveId });
  }
  const attempts: Placed[] = [];
  const sessions = new Map<string, Session>();
  for (const a of log.attempts) {
    const at = places.get(a.pickTaskId);
    if (!at) {
      const type = a.short ? 'short-pick.reported' : 'pick.confirmed';
      return fail(
        `event ${a.eventId} (${type}): pick task ${a.pickTaskId} is in no wave.released event and no pick task row`,
      );
    }
    attempts.push({ ...a, ...at });
    const key = JSON.stringify([a.pickerId, at.tourId]);
    const s = sessions.get(key);
    if (s) {
      s.startMs = Math.min(s.startMs, a.atMs);
      s.endMs = Math.max(s.endMs, a.atMs);
    } else
      sessions.set(key, {
        pickerId: a.pickerId,
        waveId: at.waveId,
        startMs: a.atMs,
        endMs: a.atMs,
      });
  }
  return ok({ attempts, sessions: [...sessions.values()] });
};

// The length of the union of one picker's sessions within the window.
const coveredMs = (sessions: readonly Session[], w: KpiWindow): number => {
  const clipped = sessions
    .map((s) => [Math.max(s.startMs, w.fromMs), Math.min(s.endMs, w.toMs)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
};

const rateOf = (attempts: readonly Placed[], sessions: readonly Session[], w: KpiWindow) => {
  const byPicker = new Map<string, Session[]>();
  for (const s of sessions) {
    const own = byPicker.get(s.pickerId);
    if (own) own.push(s);
    else byPicker.set(s.pickerId, [s]);
  }
  let activeMs = 0;
  for (const own of byPicker.values()) activeMs += coveredMs(own, w);
  const picks = attempts.length;
  const shortPicks = attempts.filter((a) => a.short).length;
  return {
    picks,
    shortPicks,
    activeHours: activeMs / HOUR_MS,
    picksPerHour: activeMs === 0 ? null : picks / (activeMs / HOUR_MS),
    shortPickRate: picks === 0 ? null : shortPicks / picks,
  };
};

// Rates per group (a wave, a picker), listed by id; a group shows when it has a pick or any
// active time in the window.
const perGroup = (
  attempts: readonly Placed[],
  sessions: readonly Session[],
  w: KpiWindow,
  groupOf: (x: { pickerId: string; waveId: string }) => string,
): [string, PickRate][] => {
  const groups = new Map<string, { attempts: Placed[]; sessions: Session[] }>();
  const group = (id: string) => {
    const g = groups.get(id) ?? { attempts: [], sessions: [] };
    groups.set(id, g);
    return g;
  };
  for (const a of attempts) group(groupOf(a)).attempts.push(a);
  for (const s of sessions) if (coveredMs([s], w) > 0) group(groupOf(s)).sessions.push(s);
  return [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([id, g]): [string, PickRate] => [id, rateOf(g.attempts, g.sessions, w)]);
};

export const pickingKpis = (
  log: KpiLog,
  rows: readonly PickTask[],
  w: KpiWindow,
): Result<PickingKpis> => {
  const placed = place(log, rows);
  if (!placed.ok) return placed;
  const attempts = placed.value.attempts.filter((a) => inWindow(w, a.atMs));
  const { sessions } = placed.value;
  const overall = rateOf(attempts, sessions, w);
  return ok({
    shortPickRate: ratio(overall.shortPicks, overall.picks),
    overall,
    byWave: perGroup(attempts, sessions, w, (x) => x.waveId).map(([waveId, r]) => ({
      waveId,
      ...r,
    })),
    byPicker: perGroup(attempts, sessions, w, (x) => x.pickerId).map(([pickerId, r]) => ({
      pickerId,
      ...r,
    })),
  });
};
