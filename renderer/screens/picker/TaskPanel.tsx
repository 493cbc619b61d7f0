import { useState } from 'react';
import type { Location } from '../../../shared/domain/location';
import type { PickTask } from '../../../shared/domain/pick-task';
import type { EntryKind } from '../../../shared/sync-api/events/picker';
import type { Sku } from '../../../shared/domain/sku';
import { remainingOf, type PickStep } from '../../../shared/picking/pick-step';
import { ManualEntry } from './ManualEntry';
import { ShortPickForm, type ShortPick } from './ShortPickForm';
import { FIELD_LIMITS } from '../../../shared/field-limits';

const PROMPT: Record<PickStep['step'], string> = {
  location: 'Scan the location',
  item: 'Scan the item',
  count: 'Scan more, or the tote',
};

export interface TaskPanelProps {
  task: PickTask;
  step: PickStep;
  location: Location | undefined;
  sku: Sku | undefined;
  toteCode: string | null;
  // The code the step waits for, in words (shared/picking/expected-code.ts).
  expects?: string;
  tasksLeft: number;
  nextAisle: number | null;
  onScan: (text: string, entry: EntryKind) => void;
  onCount: (units: number) => void;
  onShort: (short: ShortPick) => void;
  onSkip: () => void;
}

// One pick task, large, for a glance from arm's length: where, what, how many, which tote.
export const TaskPanel = (p: TaskPanelProps) => {
  const [shorting, setShorting] = useState(false);
  const left = remainingOf(p.task);
  const counted = p.step.step === 'count' ? p.step.units : 0;
  const [count, setCount] = useState('');
  return (
    <div className="task" data-testid={`task-${p.task.id}`}>
      <p className="task-where">{p.location?.code ?? p.task.locationId}</p>
      <p className="task-what">{p.sku ? `${p.sku.sku} · ${p.sku.description}` : p.task.skuId}</p>
      <p className="task-qty">
        <span data-testid="counted">{counted}</span> of {left}
        <span className="task-tote">
          → slot {p.task.toteSlot + 1}
          {p.toteCode ? ` (tote ${p.toteCode})` : ''}
        </span>
      </p>
      <p className="prompt" aria-live="polite">
        <span>{PROMPT[p.step.step]}</span>
        {p.expects && (
          <span className="task-expect" data-testid="expected-code">
            {' · '}
            {p.expects}
          </span>
        )}
      </p>
      <p className="lead">
        {p.tasksLeft} task{p.tasksLeft === 1 ? '' : 's'} left
        {p.nextAisle !== null ? ` · next aisle ${p.nextAisle}` : ''}
      </p>
      {shorting ? (
        <ShortPickForm
          left={left}
          found={counted}
          skuLabel={p.sku?.sku ?? p.task.skuId}
          locationCode={p.location?.code ?? p.task.locationId}
          toteCode={p.toteCode}
          onCancel={() => setShorting(false)}
          onReport={(s) => {
            setShorting(false);
            p.onShort(s);
          }}
        />
      ) : (
        <>
          <ManualEntry label="Type a code" onEnter={p.onScan} />
          {p.step.step !== 'location' && (
            <form
              className="keypad"
              onSubmit={(e) => {
                e.preventDefault();
                p.onCount(Number(count));
                setCount('');
              }}
            >
              <label>
                Count
                <input
                  inputMode="numeric"
                  pattern="[0-9]*"
                  value={count}
                  onChange={(e) => setCount(e.target.value.replace(/\D/g, ''))}
                  maxLength={FIELD_LIMITS.quantityDigits}
                />
              </label>
              <button type="submit">Set count</button>
            </form>
          )}
          <div className="task-actions">
            {/* A short pick says what the bin holds: only once the picker is at the bin. */}
            <button
              type="button"
              className="button-quiet"
              onClick={() => setShorting(true)}
              disabled={p.step.step === 'location'}
              aria-describedby={p.step.step === 'location' ? 'short-after-location' : undefined}
            >
              Short pick
            </button>
            <button type="button" className="button-quiet" onClick={p.onSkip}>
              Skip for now
            </button>
            {p.step.step === 'location' && (
              <span className="hint" id="short-after-location">
                Short pick opens once the location is scanned.
              </span>
            )}
          </div>
        </>
      )}
    </div>
  );
};
