import { useInRouterContext, useNavigate } from 'react-router';
import type { NextStep, RefusalScreen, StepAction } from '../../shared/outcomes/next-step';
import { acknowledge, dismiss, useRefusals } from '../db/tables/refusals';
import { useAppStore } from '../stores/app-store';
import type { Refusal } from '../sync/refusals';

const time = (iso: string) =>
  new Date(iso).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

// The screen's own way to take the step (the plan screen plans again on the spot); else the
// button opens the screen for it.
export type StepHandlers = Partial<Record<NextStep, () => void>>;

const GoTo = ({ action }: { action: StepAction }) => {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate(action.path)}>
      {action.label}
    </button>
  );
};

const StepButton = ({ action, onStep }: { action: StepAction; onStep?: () => void }) => {
  const routed = useInRouterContext();
  if (onStep)
    return (
      <button type="button" onClick={onStep}>
        {action.label}
      </button>
    );
  return routed ? <GoTo action={action} /> : null;
};

// One refusal: what happened, the server's sentence, what to do next with its button, and
// "Got it" until someone acknowledges it.
export const RefusalItem = ({
  refusal,
  onStep,
  dismissable = false,
}: {
  refusal: Refusal;
  onStep?: () => void;
  dismissable?: boolean;
}) => {
  const operatorId = useAppStore((s) => s.operator?.id ?? null);
  const { record, notice } = refusal;
  return (
    <article className="notice notice-refused" aria-label={notice.headline}>
      <strong>{notice.headline}</strong>
      <p className="queue-sub">The server said: {notice.detail}</p>
      <p>{notice.next}</p>
      <p className="queue-sub">
        {refusal.actor ?? 'Someone'} · {time(record.at)}
        {record.acknowledgedAt &&
          ` · acknowledged by ${refusal.acknowledgedBy ?? 'nobody signed in'} at ${time(record.acknowledgedAt)}`}
      </p>
      {notice.action && <StepButton action={notice.action} onStep={onStep} />}{' '}
      {!record.acknowledgedAt && (
        <button type="button" onClick={() => void acknowledge(record.id, operatorId)}>
          Got it
        </button>
      )}{' '}
      {dismissable && (
        <button type="button" onClick={() => void dismiss(record.id, operatorId)}>
          Dismiss
        </button>
      )}
    </article>
  );
};

// The signed-in person's refusals not yet acknowledged, on the screen where they acted (or,
// with no `screen`, all of them: their home screen).
export const RefusalNotices = ({
  screen,
  handlers = {},
}: {
  screen?: RefusalScreen;
  handlers?: StepHandlers;
}) => {
  const operatorId = useAppStore((s) => s.operator?.id);
  const refusals = useRefusals();
  const mine = (refusals ?? []).filter(
    (r) =>
      !r.record.acknowledgedAt &&
      r.record.operatorId === operatorId &&
      (!screen || r.notice.screen === screen),
  );
  if (!operatorId || mine.length === 0) return null;
  return (
    <section className="refusals" aria-label="Refused by the server">
      {mine.map((r) => (
        <RefusalItem key={r.record.id} refusal={r} onStep={handlers[r.notice.step]} />
      ))}
    </section>
  );
};
