import { compareText } from '../compare';

interface Ordered {
  id: string;
  waveId: string;
  sequence: number;
}

// Tours in the order they are worked: wave by wave in release order, each wave's tours in
// sequence, ties by id. Code-unit order (shared/compare.ts), never the locale's: every device
// lists the same tour first.
export const byRelease =
  (releasedAt: ReadonlyMap<string, string | null | undefined>) =>
  (a: Ordered, b: Ordered): number =>
    compareText(releasedAt.get(a.waveId) ?? '', releasedAt.get(b.waveId) ?? '') ||
    compareText(a.waveId, b.waveId) ||
    a.sequence - b.sequence ||
    compareText(a.id, b.id);
