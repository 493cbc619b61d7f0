import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { pickInput, type PickInput } from '../../../shared/picking/pick-step';
import {
  pickContextOf,
  scanFor,
  skipTask,
  type WalkState,
  toteFor,
  tourNow,
} from '../../../shared/picking/tour-controller';
import { expectedCode } from '../../../shared/picking/expected-code';
import type { Result } from '../../../shared/result';
import type { EntryKind } from '../../../shared/sync-api/events/picker';
import { useAct } from '../../actions/use-act';
import { useScanner } from '../../actions/use-scanner';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useFloorSettings } from '../../db/tables/floor';
import { useTourWork } from '../../db/tables/tours';
import { useTaskNotices } from '../../picking/task-notices';
import { signalDone, signalRefusal } from '../../platform/feedback';
import { useAppStore } from '../../stores/app-store';
import type { ShortPick } from './ShortPickForm';
import { TaskNotices } from './TaskNotices';
import { TaskPanel } from './TaskPanel';
import { ToteSetup } from './ToteSetup';
import { TourEnd } from './TourEnd';

// Walking a tour: totes onto the cart, then each pick task in route order (location, item,
// count, tote), short picks, skips and undo, then the drop at a pack station. Works with no
// network: everything is on the device, and each finished step is an event in the outbox.
export const TourScreen = () => {
  const { tourId = '' } = useParams();
  const operator = useAppStore((s) => s.operator)!;
  const work = useTourWork(tourId, operator.id);
  const navigate = useNavigate();
  // The walk as kept in this tab; read from storage until the first change (walk-slice.ts).
  const kept = useAppStore((s) => s.walks[tourId]);
  const [stored] = useState(() => useAppStore.getState().walkOf(tourId));
  const walkState = kept ?? stored;
  const setWalk = useAppStore((s) => s.setWalk);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // Set while an event is being written, synchronously: a scan then is refused out loud.
  const busy = useRef(false);
  const act = useAct();
  const taskNotices = useTaskNotices(tourId);
  // Whether a typed location needs its label's check digits (a lead's floor setting).
  const checkDigits = useFloorSettings().locationCheckDigits;

  const update = (next: WalkState) => setWalk(tourId, next);
  const refuse = (text: string) => {
    setMessage({ error: true, text });
    signalRefusal();
  };
  const done = (text: string) => {
    setMessage({ error: false, text });
    signalDone();
  };
  // One event at a time: a scan while the last is being written is refused, never lost quietly.
  // What the device's own rule refuses is said at once, and nothing is written or announced.
  const recording = async (write: () => Promise<Result<unknown>>) => {
    busy.current = true;
    try {
      const r = await write();
      if (!r.ok) refuse(r.reason);
      return r.ok;
    } finally {
      busy.current = false;
    }
  };

  const now = work ? tourNow(work, walkState, operator.id) : null;
  const slots = now?.slots ?? [];
  const walk = now?.walk ?? null;
  const current = now?.current ?? null;
  const step = now?.step ?? null;
  const held = !!now?.held;

  const toteScan = async (text: string) => {
    const tote = toteFor(slots, text);
    if ('refusal' in tote) return refuse(tote.refusal);
    if (
      await recording(() =>
        act('tote.assigned', {
          tourId,
          toteCode: tote.toteCode,
          slot: tote.slot,
          orderId: tote.orderId,
        }),
      )
    )
      done(`Tote ${tote.toteCode} in slot ${tote.slot + 1}.`);
  };

  const pickStep = async (input: PickInput) => {
    if (!work || !current || !step) return;
    const sku = work.skus.get(current.skuId);
    const today = new Date().toLocaleDateString('sv-SE');
    const context = pickContextOf(work, current, slots, today);
    const result = pickInput({ ...context, locationCheckDigits: checkDigits }, step, input);
    if (result.refusal) return refuse(result.refusal);
    setMessage(null);
    if (!result.pick) return update({ ...walkState, step: result.step });
    const pick = result.pick;
    if (await recording(() => act('pick.confirmed', pick))) {
      update({ ...walkState, step: result.step });
      done(`Picked ${pick.qty} × ${sku?.sku ?? current.skuId} into tote ${pick.toteCode}.`);
    }
  };

  const onScan = (text: string, entry: EntryKind) => {
    if (!work || !now) return;
    const scan = scanFor(work, now, busy.current);
    if ('refusal' in scan) return refuse(scan.refusal);
    if (scan.for === 'tote') void toteScan(text);
    else if (scan.for === 'pick') void pickStep({ kind: 'scan', text, entry });
    // At the end, the pack station's label; otherwise nothing waits for a scan, and it says so.
    else if (now.mine && work.tour.status !== 'dropped' && work.tour.status !== 'cancelled')
      void onDrop(text.trim());
    else refuse(`Nothing on this tour waits for a scan now: ${text.trim()} was not used.`);
  };
  useScanner({ onScan, onRefusal: refuse });

  const onShort = async ({ foundQty, reason }: ShortPick) => {
    if (!current) return;
    const toteCode = slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? undefined;
    if (
      await recording(() =>
        act('short-pick.reported', {
          pickTaskId: current.id,
          foundQty,
          reason,
          ...(foundQty > 0 && toteCode ? { toteCode } : {}),
        }),
      )
    ) {
      update({ ...walkState, step: null });
      done(
        `Short pick reported at ${work?.locations.get(current.locationId)?.code ?? current.locationId}.`,
      );
    }
  };

  const lastPick = now?.undoable ?? null;

  const onDrop = async (packStation: string) => {
    if (!work) return;
    if (held && !(await recording(() => act('tour.completed', { tourId })))) return;
    if (await recording(() => act('totes.dropped', { tourId, packStation })))
      done(`Totes dropped at ${packStation}.`);
  };

  if (work === undefined) return <p>Loading the tour…</p>;
  if (work === null)
    return (
      <p role="alert">
        This tour is not on this device. <Link to="/pick">Back to your tours</Link>
      </p>
    );
  const mine = !!now?.mine;
  return (
    <section aria-labelledby="tour-title" className="tour">
      <h1 id="tour-title" title={work.name}>
        {work.name}
      </h1>
      {/* Messages have a place of their own, of a fixed height on a handheld (styles.css): one
          that comes or goes never moves the task or its buttons under the picker's thumb. */}
      <div className="tour-messages" data-testid="tour-messages">
        {message && (
          <p
            className={message.error ? 'error' : 'notice'}
            role={message.error ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        {/* What waits for "Got it": on a handheld it lies over the task until acknowledged. */}
        <div className="tour-notices">
          <TaskNotices notices={taskNotices.notices} onDismiss={taskNotices.dismiss} />
          <RefusalNotices screen="picking" />
        </div>
      </div>
      {!mine || (held && !work.confirmed) ? (
        <p role="alert">
          This tour is not yours yet: the server has not said so. A claim needs the network; tours a
          lead assigned to you can be walked with none.
        </p>
      ) : work.tour.status === 'cancelled' ? (
        <p role="alert">The lead cancelled this tour.</p>
      ) : now?.settingUp ? (
        <ToteSetup slots={slots} onScan={onScan} />
      ) : current && step && held ? (
        <TaskPanel
          key={current.id}
          task={current}
          step={step}
          location={work.locations.get(current.locationId)}
          sku={work.skus.get(current.skuId)}
          toteCode={slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? null}
          expects={expectedCode(step.step, {
            locationCode: work.locations.get(current.locationId)?.code ?? current.locationId,
            sku: work.skus.get(current.skuId),
            toteCode: slots.find((s) => s.slot === current.toteSlot)?.toteCode ?? null,
            checkDigits,
          })}
          tasksLeft={walk!.todo.length}
          nextAisle={walk!.nextAisle}
          onScan={onScan}
          onCount={(units) => void pickStep({ kind: 'count', units })}
          onShort={(s) => void onShort(s)}
          onSkip={() => update(skipTask(walkState, current.id))}
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
      {/* Pause at the left, Undo at the right: on a handheld this bar sits at the screen's
          foot, well apart from the end of tour's Drop, so a thumb meant for one cannot hit the
          other. */}
      <div className="task-actions tour-bar">
        <button type="button" className="button-quiet" onClick={() => void navigate('/pick')}>
          {held ? 'Pause tour' : 'Back to your tours'}
        </button>
        {lastPick && (
          <button
            type="button"
            className="button-quiet tour-undo"
            onClick={() =>
              void recording(() => act('pick.undone', { pickId: lastPick.id })).then(
                (ok) => ok && done('Last pick undone.'),
              )
            }
          >
            Undo last pick ({lastPick.qty} × {work.skus.get(lastPick.skuId)?.sku ?? lastPick.skuId})
          </button>
        )}
      </div>
    </section>
  );
};
