import { useState } from 'react';
import { moveOrder, type OrderMove } from '../../../../shared/engines/plan/move-order';
import type { PreviewWave } from '../../../../shared/engines/plan/shift';
import { useAct } from '../../../actions/use-act';
import { RefusalNotices } from '../../../components/RefusalNotices';
import { planShift } from '../../../db/tables/planning';
import { loadTemplates } from '../../../planning/wave-templates';
import { useAppStore } from '../../../stores/app-store';
import { TemplateForm } from './TemplateForm';
import { WavePreview, type MoveProblem } from './WavePreview';

// Planning before release: the wave template, "Plan waves", the preview the lead reviews and
// changes (orders moved between tours), and releasing a wave.
export const PlanWaves = () => {
  const act = useAct();
  // Kept in the store: leaving the screen and coming back finds the preview as it was.
  const preview = useAppStore((s) => s.planPreview);
  const setPreview = useAppStore((s) => s.setPlanPreview);
  const [template, setTemplate] = useState(() => loadTemplates().chosen);
  const [error, setError] = useState<string | null>(null);
  // A move refused is said next to the order, where the lead is looking.
  const [moveProblem, setMoveProblem] = useState<MoveProblem | null>(null);
  // One thing at a time: a second tap while an event is being recorded does nothing.
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMoveProblem(null);
    try {
      setError(await work());
    } finally {
      setBusy(false);
    }
  };

  const plan = () =>
    run(async () => {
      const planned = await planShift(() => crypto.randomUUID(), template);
      setPreview(planned.ok ? planned.value : null);
      return planned.ok ? null : planned.reason;
    });

  // Both tours are routed again (shared/engines/plan/move-order.ts); a refusal changes nothing.
  const move = (m: OrderMove) =>
    run(async () => {
      const current = useAppStore.getState().planPreview;
      if (!current) return null;
      const moved = moveOrder(current, m, () => crypto.randomUUID());
      if (moved.ok) setPreview(moved.value);
      else setMoveProblem({ ...m.from, orderId: m.orderId, words: moved.reason });
      return null;
    });

  const release = (wave: PreviewWave) =>
    run(async () => {
      const done = await act('wave.released', wave.payload);
      if (!done.ok) return done.reason;
      const p = useAppStore.getState().planPreview;
      setPreview(p && { ...p, waves: p.waves.filter((w) => w !== wave) });
      return null;
    });

  return (
    <>
      <p className="lead">
        Waves from every line the free stock can fill, by the priority rules saved under Allocate
        stock, within the wave template: {template.name}.
      </p>
      <RefusalNotices screen="plan" handlers={{ 're-plan': () => void plan() }} />
      <TemplateForm onChosen={setTemplate} />
      <button type="button" onClick={() => void plan()} disabled={busy}>
        Plan waves
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <WavePreview
          preview={preview}
          busy={busy}
          onRelease={(w) => void release(w)}
          onMove={(m) => void move(m)}
          moveProblem={moveProblem}
        />
      )}
    </>
  );
};
