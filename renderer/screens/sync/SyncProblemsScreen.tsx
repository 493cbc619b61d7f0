import { dismissRejected, useQuarantined, useRejectedEvents } from '../../db/tables/problems';

// What the server refused, with its sentence, and records from the server this device could not
// read. Nothing here is swallowed: a person sees it and decides.
export const SyncProblemsScreen = () => {
  const rejected = useRejectedEvents();
  const quarantined = useQuarantined();
  if (!rejected || !quarantined) return <p>Loading…</p>;
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">Sync problems</h1>
      {rejected.length === 0 && quarantined.length === 0 && (
        <p>No problems: everything this device did reached the server.</p>
      )}
      {rejected.length > 0 && (
        <>
          <h2>Refused by the server</h2>
          <ul className="problems">
            {rejected.map((r) => (
              <li key={r.id}>
                <strong>{r.message}</strong>
                <div className="queue-sub">
                  {r.type} · {r.at.slice(0, 16).replace('T', ' ')} · {r.code}
                </div>
                <button type="button" onClick={() => void dismissRejected(r.id)}>
                  Dismiss
                </button>
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
    </section>
  );
};
