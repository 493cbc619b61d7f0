import type { PickTask } from '../domain/pick-task';
import { locationEntry } from '../scan/location-check';
import type { EntryKind } from '../sync-api/events/picker';

// What an item scan told us: how many units it stands for and what its label said.
export type ItemRead =
  | { ok: true; units: number; lot?: string; serial?: string; expiry?: string }
  // `known`: the scan is some product's code (so a wrong item, not a wrong tote).
  | { ok: false; reason: string; known: boolean };

// The facts a pick needs about its task, resolved by the screen from the synced rows.
export interface PickContext {
  task: PickTask;
  locationCode: string;
  // A typed location needs its check digits (the floor's `locationCheckDigits`); a scan does not.
  locationCheckDigits?: boolean;
  skuLabel: string;
  // The tote on the cart for the task's order (slot), once assigned.
  toteCode: string | null;
  // Reads a scan as this task's item, or says why it is not.
  readItem: (text: string) => ItemRead;
}

export type PickStep =
  | { step: 'location'; taskId: string }
  | { step: 'item'; taskId: string }
  | {
      step: 'count';
      taskId: string;
      units: number;
      label: { lot?: string; serial?: string; expiry?: string };
      // Typed if any of the item's reads was typed, or the count was keyed with no item read.
      entry?: EntryKind;
    };

// A scan's `entry` says how it reached the screen: by the scanner (the default) or typed.
export type PickInput =
  { kind: 'scan'; text: string; entry?: EntryKind } | { kind: 'count'; units: number };

export interface PickResult {
  step: PickStep;
  // Set when the input was refused: shown in red, and nothing changed.
  refusal?: string;
  // The pick to record, when the tote scan completed one.
  pick?: {
    pickTaskId: string;
    qty: number;
    toteCode: string;
    lot?: string;
    serial?: string;
    expiry?: string;
    entry: EntryKind;
  };
}

export const startTask = (task: PickTask): PickStep => ({ step: 'location', taskId: task.id });

export const remainingOf = (task: PickTask) => task.qty - task.pickedQty - task.shortQty;

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

// One input at the current step: location, then item (each scan adds the units its barcode
// stands for; the keypad sets a count), then the tote, which records the pick. A wrong scan is
// refused with what was expected, and the step stays as it was.
export const pickInput = (ctx: PickContext, step: PickStep, input: PickInput): PickResult => {
  const left = remainingOf(ctx.task);
  const refuse = (refusal: string): PickResult => ({ step, refusal });
  if (step.taskId !== ctx.task.id) return { step: startTask(ctx.task) };

  if (input.kind === 'count') {
    if (step.step === 'location') return refuse(`Scan the location ${ctx.locationCode} first.`);
    if (!Number.isInteger(input.units) || input.units < 1)
      return refuse('A count is a whole number of 1 or more.');
    if (input.units > left) return refuse(`${input.units} is more than the ${left} asked for.`);
    return {
      step: {
        step: 'count',
        taskId: step.taskId,
        units: input.units,
        label: step.step === 'count' ? step.label : {},
        // A count keyed before any item was read: nothing identified the item.
        entry: step.step === 'count' ? (step.entry ?? 'scan') : 'typed',
      },
    };
  }

  const text = input.text;
  const entry = input.entry ?? 'scan';
  if (step.step === 'location') {
    const how = locationEntry(text, ctx.locationCode);
    if (how === 'other')
      return refuse(`Wrong location: ${text.trim()}. Go to ${ctx.locationCode}.`);
    // The code is on the screen; the digits only on the label, so typing them proves the shelf.
    if (how === 'code-only' && entry === 'typed' && ctx.locationCheckDigits)
      return refuse(
        `Type the location's check digits too: the two digits on its label, after ${ctx.locationCode}.`,
      );
    return { step: { step: 'item', taskId: step.taskId } };
  }

  const item = ctx.readItem(text);
  if (step.step === 'item') {
    if (!item.ok) return refuse(item.reason);
    if (item.units > left)
      return refuse(`That scan is ${item.units} units; only ${left} are asked for.`);
    const { ok: _ok, units, ...label } = item;
    return { step: { step: 'count', taskId: step.taskId, units, label, entry } };
  }

  // Counting: another of the item adds to the count; the tote records the pick.
  if (!item.ok && item.known) return refuse(item.reason);
  if (item.ok) {
    const units = step.units + item.units;
    if (units > left) return refuse(`That makes ${units}; only ${left} are asked for.`);
    const { ok: _ok, units: _u, ...label } = item;
    const both = step.entry === 'typed' || entry === 'typed' ? 'typed' : 'scan';
    return { step: { ...step, units, label: { ...step.label, ...label }, entry: both } };
  }
  // The task shrank under the count (a pull: the customer cancelled part of the line).
  if (step.units > left)
    return refuse(
      `Only ${left} are asked for now, and ${step.units} are counted: put ${step.units - left} back and set the count to ${left}.`,
    );
  if (!ctx.toteCode) return refuse('This order has no tote on the cart yet.');
  if (!same(text, ctx.toteCode))
    return refuse(
      `Wrong tote: ${text.trim()}. Put ${ctx.skuLabel} in tote ${ctx.toteCode} (slot ${ctx.task.toteSlot + 1}).`,
    );
  return {
    step: { step: 'item', taskId: step.taskId },
    pick: {
      pickTaskId: ctx.task.id,
      qty: step.units,
      toteCode: ctx.toteCode,
      ...step.label,
      entry: step.entry ?? 'scan',
    },
  };
};
