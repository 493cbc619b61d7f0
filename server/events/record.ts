import { ANY_ROLE } from '../../shared/sync-api/events/catalogue';
import {
  actionNameFirst,
  actionName,
  brokenTextRefusal,
  payloadRefusal,
} from '../../shared/outcomes/action-words';
import { brokenTextIn, storableText } from '../../shared/text-safety';
import type { Queryable } from '../db/db';
import { rejected, type EventRegistry, type LoggedEvent, type Outcome } from './registry';

export interface EventToRecord extends LoggedEvent {
  epoch: string | null;
  seq: number | null;
  contentHash: string;
  // The device's own `at` when it was clamped (its clock was ahead); null otherwise.
  deviceAt: string | null;
  // The zone businessDate was taken in; null for events logged before zones existed.
  timeZone: string | null;
}

// A rejected event keeps this much of its payload (as JSON text) and of its reason.
export const REJECTED_PREFIX_CHARS = 1024;
export const REJECTED_MESSAGE_CHARS = 2000;

interface PgError {
  code: string;
  constraint?: string;
  message: string;
}

const sqlState = (error: unknown): string =>
  typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : '';

// PostgreSQL's integrity class (23xxx): a CHECK or foreign key caught what an apply function
// should have refused itself. The event is refused, naming the constraint.
const isIntegrityError = (error: unknown): error is PgError => /^23/.test(sqlState(error));

// Data exceptions (22xxx: a value out of range, text it cannot hold) and program limits
// (54xxx: too complex, too deep): the event's data, not the server, is at fault, so the event
// is refused with PostgreSQL's sentence rather than answered 500.
const isDataError = (error: unknown): error is PgError => /^(22|54)/.test(sqlState(error));

const checkOperator = async (
  tx: Queryable,
  operatorId: string | null,
  role: string,
  type: string,
  deviceId: string | null,
): Promise<Outcome | null> => {
  if (!operatorId)
    return rejected(
      'operator-required',
      `${actionNameFirst(type)} must name the person who did it: sign in, then do it again.`,
    );
  // on_device: whether the sending device may sign this operator's role in (null where the
  // device is not known, as in a replay into an empty schema).
  const [op] = await tx.query<{
    name: string;
    role: string;
    active: boolean;
    on_device: boolean | null;
  }>(
    `SELECT o.name, o.role, o.active, o.role = ANY (d.roles) AS on_device
       FROM operators o LEFT JOIN devices d ON d.id = $2 WHERE o.id = $1`,
    [operatorId, deviceId],
  );
  if (!op)
    return rejected(
      'operator-unknown',
      'The server does not know the person signed in on this device: sync, then sign in again.',
    );
  if (!op.active)
    return rejected(
      'operator-inactive',
      `${op.name} is deactivated and can no longer record work.`,
    );
  if (role !== ANY_ROLE && op.role !== role)
    return rejected(
      'role-required',
      `Only a ${role} may record ${actionName(type)}; ${op.name} is a ${op.role}.`,
    );
  // A device signs in only its roles: one that names an operator of another role did not check
  // their PIN (it holds no PIN record for them), so the server does not take its word.
  if (op.on_device === false)
    return rejected(
      'role-not-on-device',
      `${op.name} is a ${op.role}, and this device is not enrolled to sign ${op.role}s in.`,
    );
  return null;
};

const runApply = async (
  tx: Queryable,
  registry: EventRegistry,
  event: LoggedEvent,
): Promise<Outcome> => {
  const def = registry.get(event.type);
  if (!def || !def.from.includes(event.source)) {
    return rejected(
      'unknown-type',
      `This server does not take ${actionName(event.type)} from ${event.source === 'admin' ? 'an' : 'a'} ${event.source}: check that the server and this app are the same version.`,
    );
  }
  if (def.role && event.source === 'device') {
    const refused = await checkOperator(tx, event.operatorId, def.role, event.type, event.deviceId);
    if (refused) return refused;
  }
  // Keys a schema lets through unread are still stored: no text PostgreSQL cannot hold anywhere.
  const broken = brokenTextIn(event.payload);
  if (broken) {
    return rejected('invalid-payload', brokenTextRefusal(event.type, broken.path, broken.problem));
  }
  const payload = def.payload.safeParse(event.payload);
  if (!payload.success) {
    return rejected('invalid-payload', payloadRefusal(event.type, payload.error));
  }
  await tx.exec('SAVEPOINT apply_event');
  try {
    const outcome = await def.apply(tx, payload.data, event);
    await tx.exec(
      outcome.ok ? 'RELEASE SAVEPOINT apply_event' : 'ROLLBACK TO SAVEPOINT apply_event',
    );
    return outcome;
  } catch (error) {
    await tx.exec('ROLLBACK TO SAVEPOINT apply_event');
    if (isIntegrityError(error)) {
      return rejected(
        'constraint-violated',
        `${actionNameFirst(event.type)} would break a rule of the warehouse data (${error.constraint ?? error.message}).`,
      );
    }
    if (isDataError(error)) {
      return rejected(
        'data-refused',
        `${actionNameFirst(event.type)} holds a value the database cannot store (${error.message}).`,
      );
    }
    throw error;
  }
};

// Applies an event and records it with its outcome, inside the caller's transaction: the
// state change and its log entry commit together or not at all. A rejected event keeps its
// code, reason, content hash and the start of its payload, never the whole payload.
export const applyAndRecord = async (
  tx: Queryable,
  registry: EventRegistry,
  event: EventToRecord,
): Promise<Outcome> => {
  const outcome = await runApply(tx, registry, event);
  const json = JSON.stringify(event.payload ?? null);
  await tx.query(
    `INSERT INTO events (id, source, device_id, epoch, seq, operator_id, type, payload, at, received_at,
                         content_hash, status, code, message, details, payload_prefix, payload_bytes,
                         device_at, time_zone, business_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      event.id,
      event.source,
      event.deviceId,
      event.epoch,
      event.seq,
      event.operatorId,
      event.type,
      outcome.ok ? json : null,
      event.at,
      event.receivedAt,
      event.contentHash,
      outcome.ok ? 'accepted' : 'rejected',
      outcome.ok ? null : outcome.code,
      outcome.ok ? null : storableText(outcome.message, REJECTED_MESSAGE_CHARS),
      outcome.ok && outcome.refused?.length ? JSON.stringify(outcome.refused) : null,
      outcome.ok ? null : storableText(json, REJECTED_PREFIX_CHARS),
      outcome.ok ? null : Buffer.byteLength(json),
      event.deviceAt,
      event.timeZone,
      event.businessDate,
    ],
  );
  return outcome.ok
    ? outcome
    : { ...outcome, message: storableText(outcome.message, REJECTED_MESSAGE_CHARS) };
};
