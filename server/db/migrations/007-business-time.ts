// Business time (issue 13). The warehouse's time zone is a setting, changed by an admin event so
// the log says when; absent, it is UTC. Each event keeps what its rules read: its effective `at`
// (the device's, or the receipt time when the device's clock was more than five minutes ahead,
// the device's own then kept in device_at), the zone then in force and the business date of
// `at` in it. Replay reads these back and never the setting, which may have changed since.
// Events logged before this have none (their rules used the UTC date of the receipt).
export const sql = /* sql */ `
CREATE TABLE warehouse_settings (
  id text PRIMARY KEY CHECK (id = 'warehouse'),
  time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 100)
);

ALTER TABLE events ADD COLUMN device_at timestamptz;
ALTER TABLE events ADD COLUMN time_zone text;
ALTER TABLE events ADD COLUMN business_date date;
`;
