// The OMS connector's own state (server/oms/): one row per connector name. `checkpoint` is its
// position in the event feed (what it has exported), `import_cursor` its position in the OMS (what
// it has imported); both move only after the work they cover is done, so a crash repeats work
// rather than skipping it (exports are idempotent by event id). `stock_owner` says who owns stock
// for the site: the OMS, or Fillwave. Not synced to devices: the health endpoint shows it.
export const sql = /* sql */ `
CREATE TABLE oms_connector_state (
  id text PRIMARY KEY,
  checkpoint text,
  import_cursor text,
  stock_owner text NOT NULL DEFAULT 'fillwave' CHECK (stock_owner IN ('oms', 'fillwave')),
  last_import_at timestamptz,
  last_export_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  connected boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
