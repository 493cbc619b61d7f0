// Rejected events keep their code, reason and content hash, and the start of their payload as
// text, not the payload: a device within its rate limit cannot grow the log with megabyte
// payloads it knows will be refused. Rows written before stay as they are (the log is
// append-only); the check holds for every row written from now on.
export const sql = /* sql */ `
ALTER TABLE events ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE events ADD COLUMN payload_prefix text;
ALTER TABLE events ADD COLUMN payload_bytes int;
ALTER TABLE events ADD CONSTRAINT events_payload_kept CHECK (status = 'rejected' OR payload IS NOT NULL);
ALTER TABLE events ADD CONSTRAINT events_rejected_bounded CHECK (
  status = 'accepted' OR (payload IS NULL AND length(payload_prefix) <= 1024 AND length(message) <= 2000)
) NOT VALID;
`;
