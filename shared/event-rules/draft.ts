import type { EntityName, EntityRow } from '../domain/entities';
import { lineStatus } from '../rules/line-status';
import { changeKey, overlay, type RowChange, type Tables } from './tables';

// A working copy for one event: reads see its own writes; changes() lists what it wrote.
export class Draft {
  // The last write of each row, in the order rows were first written; the view reads it live.
  private readonly written = new Map<string, RowChange>();
  private readonly view: Tables;

  constructor(base: Tables) {
    this.view = overlay(base, this.written);
  }

  get<E extends EntityName>(entity: E, id: string): EntityRow<E> | undefined {
    return this.view.get(entity, id);
  }

  where<E extends EntityName>(
    entity: E,
    field: keyof EntityRow<E> & string,
    value: unknown,
  ): EntityRow<E>[] {
    return this.view.where(entity, field, value).sort((a, b) => {
      const x = (a as { id: string }).id;
      const y = (b as { id: string }).id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }

  put<E extends EntityName>(entity: E, row: EntityRow<E>): void {
    this.write({ entity, id: (row as { id: string }).id, row: row as Record<string, unknown> });
  }

  update<E extends EntityName>(entity: E, id: string, patch: Partial<EntityRow<E>>): void {
    const row = this.get(entity, id);
    if (row) this.put(entity, { ...row, ...patch });
  }

  remove(entity: EntityName, id: string): void {
    this.write({ entity, id, row: null });
  }

  changes(): RowChange[] {
    return [...this.written.values()];
  }

  // The same derivation the server makes after each change (shared/rules/line-status.ts).
  refreshLine(id: string): void {
    const line = this.get('backorderLine', id);
    if (!line) return;
    const inWave = this.where('reservation', 'backorderLineId', id).some((r) => {
      const wave = r.waveId ? this.get('wave', r.waveId) : undefined;
      return wave?.status === 'released' || wave?.status === 'picking';
    });
    const status = lineStatus(line, inWave);
    if (status !== line.status) this.put('backorderLine', { ...line, status });
  }

  private write(change: RowChange): void {
    this.written.set(changeKey(change.entity, change.id), change);
  }
}
