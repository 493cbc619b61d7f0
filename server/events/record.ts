import { describeIssues } from '../../shared/describe-issues';
import type { Queryable } from '../db/db';
import { rejected, type EventRegistry, type LoggedEvent, type Outcome } from './registry';

export interface EventToRecord extends LoggedEvent {
  epoch: string | null;
  seq: number | null;
  contentHash: string;
}

// PostgreSQL's integrity classes (23xxx): a CHECK or foreign key caught what an apply
// function should have refused itself. The event is refused, naming the constraint.
const isIntegrityError = (
  error: unknown,
): error is { code: string; constraint?: string; message: string } =>
  typeof error === 'object' &&
  error !== null &&
  /^23/.test(String((error as { code?: unknown }).code));

const checkOperator = async (
  tx: Queryable,
  operatorId: string | null,
  role: string,
  type: string,
  deviceId: string | null,
): Promise<Outcome | null> => {
  if (!operatorId)
    return rejected('operator-required', `A ${type} event must name the operator who did it.`);
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
    return rejected('operator-unknown', `Operator ${operatorId} is not known to the server.`);
  if (!op.active)
    return rejected(
      'operator-inactive',
      `${op.name} is deactivated and can no longer record work.`,
    );
  if (op.role !== role)
    return rejected(
      'role-required',
      `Only a ${role} may do this (${type}); ${op.name} is a ${op.role}.`,
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
      `This server does not know events of type "${event.type}" from a ${event.source}.`,
    );
  }
  if (def.role && event.source === 'device') {
    const refused = await checkOperator(tx, event.operatorId, def.role, event.type, event.deviceId);
    if (refused) return refused;
  }
  const payload = def.payload.safeParse(event.payload);
  if (!payload.success) {
    return rejected(
      'invalid-payload',
      `The ${event.type} event is malformed: ${describeIssues(payload.error)}.`,
    );
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
        `The ${event.type} event would break a rule of the warehouse data (${error.constraint ?? error.message}).`,
      );
    }
    throw error;
  }
};

// Applies an event and records it with its outcome, inside the caller's transaction: the
// state change and its log entry commit together or not at all.
export const applyAndRecord = async (
  tx: Queryable,
  registry: EventRegistry,
  event: EventToRecord,
): Promise<Outcome> => {
  const outcome = await runApply(tx, registry, event);
  await tx.query(
    `INSERT INTO events (id, source, device_id, epoch, seq, operator_id, type, payload, at, received_at,
                         content_hash, status, code, message, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      event.id,
      event.source,
      event.deviceId,
      event.epoch,
      event.seq,
      event.operatorId,
      event.type,
      JSON.stringify(event.payload ?? null),
      event.at,
      event.receivedAt,
      event.contentHash,
      outcome.ok ? 'accepted' : 'rejected',
      outcome.ok ? null : outcome.code,
      outcome.ok ? null : outcome.message,
      outcome.ok && outcome.refused?.length ? JSON.stringify(outcome.refused) : null,
    ],
  );
  return outcome;
};
