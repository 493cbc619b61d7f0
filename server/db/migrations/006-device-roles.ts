// Secrets stay home (issue 12, point 8). A device holds only the PIN records of the roles it may
// sign in, so a stolen handheld exposes those and no others; an enrollment code carries those
// roles, and may be bound to one device (the only code that re-keys an existing device without
// its current token). Devices enrolled before this keep every role, as they had.
//
// And the events that carry secrets (admin actions: code hashes, operators' PIN records; the
// OMS's operator list with its PIN records) never enter the change stream: they stay in the log,
// behind the admin token. Kept out at the trigger, so no later pull path can leak them. Those
// already in the stream are blanked where they stand (positions, and so checkpoints, stay valid)
// and a tombstone is added after them, so a device that pulled one deletes its copy.
export const sql = /* sql */ `
ALTER TABLE devices ADD COLUMN roles text[] NOT NULL DEFAULT ARRAY['picker', 'lead', 'packer']
  CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['picker', 'lead', 'packer']);

ALTER TABLE enrollment_codes ADD COLUMN roles text[] NOT NULL DEFAULT ARRAY['picker', 'lead', 'packer']
  CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['picker', 'lead', 'packer']);
-- Set when an admin issued the code to re-enroll this one device; NULL for a new device's code.
ALTER TABLE enrollment_codes ADD COLUMN device_id text;

DROP TRIGGER events_change ON events;
CREATE TRIGGER events_change AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.status = 'accepted' AND NEW.type NOT LIKE 'admin.%' AND NEW.type <> 'oms.operators-defined')
  EXECUTE FUNCTION record_change('event');

UPDATE changes SET row = NULL
 WHERE entity = 'event' AND row IS NOT NULL
   AND (row ->> 'type' LIKE 'admin.%' OR row ->> 'type' = 'oms.operators-defined');
INSERT INTO changes (entity, id, row)
  SELECT 'event', id, NULL FROM events
   WHERE status = 'accepted' AND (type LIKE 'admin.%' OR type = 'oms.operators-defined')
   ORDER BY log_id;
`;
