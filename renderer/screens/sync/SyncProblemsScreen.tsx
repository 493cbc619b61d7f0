import { actionName, actionNameFirst } from '../../../shared/outcomes/action-words';
import { RefusalItem } from '../../components/RefusalNotices';
import {
  discardParkedEvent,
  retryParkedEvent,
  useQuarantined,
  useRejectedEvents,
  useSyncLog,
} from '../../db/tables/problems';
import { useOmsRefusals } from '../../db/tables/oms-refusals';
import { useRefusals } from '../../db/tables/refusals';
import { useAppStore } from '../../stores/app-store';
import type { RejectedEvent } from '../../db/fillwave-db';
import { PARKED_CODE } from '../../sync/park';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const LOG_WORDS = {
  parked: 'Set aside',
  retried: 'Sent again',
  discarded: 'Discarded',
  acknowledged: 'Acknowledged',
  dismissed: 'Dismissed',
} as const;

const Parked = ({ r }: { r: RejectedEvent }) => (
  <li>
    <strong>{r.message}</strong>
    <div className="queue-sub">
      {actionNameFirst(r.type)} · {when(r.at)}
    </div>
    <button type="button" onClick={() => void retryParkedEvent(r.id)}>
      Retry
    </button>{' '}
    <button type="button" onClick={() => void discardParkedEvent(r.id)}>
      Discard
    </button>
  </li>
);

// What the server refused, each with the notice the person saw where they acted (what to do
// next, its button, "Got it") and Dismiss; events set aside because the server failed on
// them (Retry or Discard); records from the server this device could not read; and a log of
// what was set aside, sent again or discarded. Nothing here is swallowed: a person sees it and
// decides.
export const SyncProblemsScreen = () => {
  const rejected = useRejectedEvents();
  const refused = useRefusals();
  const quarantined = useQuarantined();
  const log = useSyncLog();
  // The OMS's refusals are the lead's to act on (ship again, fix the OMS's stock).
  const lead = useAppStore((s) => s.operator?.role === 'lead');
  const omsRefused = useOmsRefusals();
  if (!rejected || !refused || !quarantined || !log || !omsRefused) return <p>Loading…</p>;
  const forOms = lead ? omsRefused : [];
  const parked = rejected.filter((r) => r.code === PARKED_CODE);
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">Sync problems</h1>
      {rejected.length === 0 && quarantined.length === 0 && forOms.length === 0 && (
        <p>No problems: everything this device did reached the server.</p>
      )}
      {parked.length > 0 && (
        <>
          <h2>Set aside: the server failed on these</h2>
          <ul className="problems">
            {parked.map((r) => (
              <Parked key={r.id} r={r} />
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h2>Refused by the server</h2>
          <ul className="problems">
            {refused.map((r) => (
              <li key={r.record.id}>
                <RefusalItem refusal={r} dismissable />
              </li>
            ))}
          </ul>
        </>
      )}
      {forOms.length > 0 && (
        <>
          <h2>Refused by the OMS</h2>
          <ul className="problems" aria-label="Refused by the OMS">
            {forOms.map((r) => (
              <li key={r.id}>
                <strong>{r.message}</strong>
                <div className="queue-sub">
                  {r.connector} · {when(r.at)} · {r.code}
                  {r.orderId ? ` · order ${r.orderId}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {quarantined.length > 0 && (
        <>
          <h2>Records this device could not read</h2>
          <ul className="problems">
            {quarantined.map((q) => (
              <li key={q.qid}>{q.reason}</li>
            ))}
          </ul>
        </>
      )}
      {log.length > 0 && (
        <>
          <h2>What was done about them</h2>
          <ul className="problems" aria-label="Sync log">
            {log.map((e) => (
              <li key={`${e.at}-${e.action}-${e.eventId}`}>
                {when(e.at)} · {LOG_WORDS[e.action]} · {actionName(e.type)} · {e.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
