// Access: one-time enrollment codes, operator PINs, and admin actions in the event log.
export const sql = /* sql */ `
ALTER TABLE events DROP CONSTRAINT events_source_check;
ALTER TABLE events ADD CONSTRAINT events_source_check CHECK (source IN ('device', 'server', 'admin'));

-- Only the code's hash is kept: a copy of the database hands out no working codes.
CREATE TABLE enrollment_codes (
  code_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text
);

-- PBKDF2-SHA-256 of the PIN, with its salt and iteration count: devices sync this record and
-- check a PIN offline with WebCrypto.
ALTER TABLE operators ADD COLUMN pin_hash text;
ALTER TABLE operators ADD COLUMN pin_salt text;
ALTER TABLE operators ADD COLUMN pin_iterations int;
`;
