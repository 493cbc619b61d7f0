// A random tag on every change. A restored database reissues the same transaction ids and
// positions, so a checkpoint names its change by (txid, pos) AND the tag: a restored or rolled
// back database holds no change with that tag, and the pull answers 410 (docs/sync-api.md).
// 52 bits from the strong random source (gen_random_uuid), so a restore cannot replay them.
// Existing rows each get their own tag; a checkpoint issued before this migration has none and
// is answered 410 once (the device syncs again from the start, keeping its outbox).
export const sql = /* sql */ `
ALTER TABLE changes ADD COLUMN tag bigint NOT NULL
  DEFAULT ('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 13))::bit(52)::bigint;
`;
