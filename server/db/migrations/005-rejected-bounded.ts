// Rejected events keep their code, reason and content hash, and the start of their payload as
// text, not the payload: a device within its rate limit cannot grow the log with megabyte
// payloads it knows will be refused. Rows written before stay as they are (the log is
// append-only; they have no prefix), so the checks hold for every row, old and new, and a copy
// of the log loads into a fresh database unchanged.
export const sql = /* sql */ `
ALTER TABLE events ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE events ADD COLUMN payload_prefix text;
ALTER TABLE events ADD COLUMN payload_bytes int;
ALTER TABLE events ADD CONSTRAINT events_payload_kept CHECK (status = 'rejected' OR payload IS NOT NULL);
ALTER TABLE events ADD CONSTRAINT events_rejected_bounded CHECK (
  status = 'accepted' OR payload_prefix IS NULL
  OR (payload IS NULL AND length(payload_prefix) <= 1024 AND length(message) <= 2000)
);
`;
