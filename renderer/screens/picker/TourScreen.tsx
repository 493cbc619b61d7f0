import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { compareText } from '../../../shared/compare';
import { pickInput, startTask, type PickInput } from '../../../shared/picking/pick-step';
import { readItem } from '../../../shared/picking/read-item';
import { walkTour } from '../../../shared/picking/tour-walk';
import { useTourWork, type TourWork } from '../../db/tables/tours';
import {
  assignTote,
  completeTour,
  confirmPick,
  dropTotes,
  reportShort,
  undoPick,
} from '../../picking/tour-actions';
import { useScanner } from '../../picking/use-scanner';
import { loadWalk, saveWalk, type WalkState } from '../../picking/walk-state';
import { signalDone, signalRefusal } from '../../platform/feedback';
import { useAppStore } from '../../stores/app-store';
import { actionContext } from './action-context';
import type { ShortPick } from './ShortPickForm';
import { TaskPanel } from './TaskPanel';
import { ToteSetup, type Slot } from './ToteSetup';
import { TourEnd } from './TourEnd';

const slotsOf = (work: TourWork): Slot[] => {
  const bySlot = new Map<number, Slot>();
  for (const t of work.tasks)
    if (t.status !== 'cancelled' && !bySlot.has(t.toteSlot))
      bySlot.set(t.toteSlot, { slot: t.toteSlot, orderId: t.orderId, toteCode: null });
  for (const tote of work.totes) {
    const slot = bySlot.get(tote.slot);
    if (slot) slot.toteCode = tote.toteCode;
  }
  return [...bySlot.values()].sort((a, b) => a.slot - b.slot);
};

// Walking a tour: totes onto the cart, then each pick task in route order (location, item,
// count, tote), short picks, skips and undo, then the drop at a pack station. Works with no
// network: everything is on the device, and each finished step is an event in the outbox.
export const TourScreen = () => {
  const { tourId = '' } = useParams();
  const operator = useAppStore((s) => s.operator)!;
  const work = useTourWork(tourId, operator.id);
  const navigate = useNavigate();
  const [walkState, setWalkState] = useState<WalkState>(() => loadWalk(tourId));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Set while an event is being written, synchronously: a scan then is refused out loud.
  const busy = useRef(false);
  const ctx = actionContext(operator.id);

  const update = (next: WalkState) => {
    saveWalk(tourId, next);
    setWalkState(next);
  };
  const refuse = (text: string) => {
    setMessage({ error: true, text });
    signalRefusal();
  };
  const done = (text: string) => {
    setMessage({ error: false, text });
    signalDone();
  };
  // One event at a time: a scan while the last is being written is refused, never lost quietly.
  const recording = async (write: () => Promise<{ ok: boolean; reason?: string }>) => {
    busy.current = true;
    try {
      const r = await write();
      if (!r.ok) refuse(r.reason ?? 'That could not be recorded.');
      return r.ok;
    } finally {
      busy.current = false;
    }
  };

  const slots = work ? slotsOf(work) : [];
  const walk = work
    ? walkTour(
        work.tasks.filter((t) => t.status !== 'cancelled'),
        walkState.skipped,
        (id) => work.locations.get(id)?.aisle,
      )
    : null;
  const current = walk?.current ?? null;
  const step =
    current && walkState.step?.taskId === current.id
      ? walkState.step
      : current
        ? startTask(current)
        : null;
  const held = work && ['assigned', 'claimed', 'picking'].includes(work.tour.status);
  const settingUp = !!held && slots.some((s) => !s.toteCode);

  const toteScan = async (text: string) => {
    const code = text.trim();
    const next = slots.find((s) => !s.toteCode)!;
    const clash = slots.find((s) => s.toteCode?.toUpperCase() === code.toUpperCase());
    if (clash) return refuse(`Tote ${code} is already in slot ${clash.slot + 1}.`);
    if (code.length > 50) return refuse('A tote code has at most 50 characters.');
    if (
      await recording(() =>
        assignTote({ tourId, toteCode: code, slot: next.slot, orderId: next.orderId }, ctx),
      )
    )
      done(`Tote ${code} in slot ${next.slot + 1}.`);
  };

  const pickStep = async (input: PickInput) => {
    if (!work || !current || !step) return;
    const sku = work.skus.get(current.skuId);
    const toteCode = slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? null;
    const barcodes = new Set([...work.skus.values()].flatMap((s) => s.barcodes.map((b) => b.code)));
    const result = pickInput(
      {
        task: current,
        locationCode: work.locations.get(current.locationId)?.code ?? current.locationId,
        skuLabel: sku?.sku ?? current.skuId,
        toteCode,
        readItem: (text) =>
          sku
            ? readItem(
                {
                  sku,
                  today: new Date().toLocaleDateString('sv-SE'),
                  isProductCode: (c) => barcodes.has(c),
                },
                text,
              )
            : { ok: false, known: false, reason: `SKU ${current.skuId} is not on this device.` },
      },
      step,
      input,
    );
    if (result.refusal) return refuse(result.refusal);
    setMessage(null);
    if (!result.pick) return update({ ...walkState, step: result.step });
    const pick = result.pick;
    if (await recording(() => confirmPick(pick, ctx))) {
      update({ ...walkState, step: result.step });
      done(`Picked ${pick.qty} × ${sku?.sku ?? current.skuId} into tote ${pick.toteCode}.`);
    }
  };

  const onScan = (text: string) => {
    if (!work) return;
    if (busy.current) return refuse('Still saving the last scan: scan that again.');
    if (!work.confirmed && held)
      return refuse('This tour is not yours yet: the server has not confirmed it.');
    if (settingUp) void toteScan(text);
    else if (current) void pickStep({ kind: 'scan', text });
  };
  useScanner(onScan);

  const onShort = async ({ foundQty, reason }: ShortPick) => {
    if (!current) return;
    const toteCode = slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? undefined;
    if (
      await recording(() =>
        reportShort(
          { pickTaskId: current.id, foundQty, reason, ...(foundQty > 0 ? { toteCode } : {}) },
          ctx,
        ),
      )
    ) {
      update({ ...walkState, step: null });
      done(
        `Short pick reported at ${work?.locations.get(current.locationId)?.code ?? current.locationId}.`,
      );
    }
  };

  const lastPick = work?.picks
    .filter((p) => !p.undone && p.pickedBy === operator.id)
    .sort((a, b) => compareText(a.pickedAt, b.pickedAt) || compareText(a.id, b.id))
    .at(-1);
  const lastPickTask = lastPick && work?.tasks.find((t) => t.id === lastPick.pickTaskId);
  const canUndo = !!lastPick && !!held && lastPickTask?.status !== 'short';

  const onDrop = async (packStation: string) => {
    if (!work) return;
    if (held && !(await recording(() => completeTour(tourId, ctx)))) return;
    if (await recording(() => dropTotes(tourId, packStation, ctx)))
      done(`Totes dropped at ${packStation}.`);
  };

  if (work === undefined) return <p>Loading the tour…</p>;
  if (work === null)
    return (
      <p role="alert">
        There is no tour {tourId} on this device. <Link to="/pick">Back to your tours</Link>
      </p>
    );
  const mine = work.tour.pickerId === operator.id;
  return (
    <section aria-labelledby="tour-title" className="tour">
      <h1 id="tour-title">Tour {work.tour.sequence + 1}</h1>
      <p className="tour-id">{tourId}</p>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {!mine || (held && !work.confirmed) ? (
        <p role="alert">
          This tour is not yours yet: the server has not said so. A claim needs the network; tours a
          lead assigned to you can be walked with none.
        </p>
      ) : work.tour.status === 'cancelled' ? (
        <p role="alert">The lead cancelled this tour.</p>
      ) : settingUp ? (
        <ToteSetup slots={slots} onScan={onScan} />
      ) : current && step && held ? (
        <TaskPanel
          key={current.id}
          task={current}
          step={step}
          location={work.locations.get(current.locationId)}
          sku={work.skus.get(current.skuId)}
          toteCode={slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? null}
          tasksLeft={walk!.todo.length}
          nextAisle={walk!.nextAisle}
          onScan={onScan}
          onCount={(units) => void pickStep({ kind: 'count', units })}
          onShort={(s) => void onShort(s)}
          onSkip={() =>
            update({
              skipped: [...walkState.skipped.filter((id) => id !== current.id), current.id],
              step: null,
            })
          }
        />
      ) : (
        <TourEnd
          walk={walk!}
          skippedOnTheWay={walkState.skipped.length}
          dropped={work.tour.status === 'dropped'}
          packStation={work.totes[0]?.packStation ?? null}
          onDrop={(station) => void onDrop(station)}
        />
      )}
      <div className="task-actions">
        {canUndo && (
          <button
            type="button"
            className="button-quiet"
            onClick={() =>
              void recording(() => undoPick(lastPick.id, ctx)).then(
                (ok) => ok && done('Last pick undone.'),
              )
            }
          >
            Undo last pick ({lastPick.qty} × {work.skus.get(lastPick.skuId)?.sku ?? lastPick.skuId})
          </button>
        )}
        <button type="button" className="button-quiet" onClick={() => void navigate('/pick')}>
          {held ? 'Pause tour' : 'Back to your tours'}
        </button>
      </div>
    </section>
  );
};
