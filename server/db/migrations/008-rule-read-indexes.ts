// The device rules read rows by field and the server locks what they read (server/apply/
// locked-rows.ts): each such field gets an index, so a rule's read finds its rows without
// scanning (and locking its way through) a floor's worth of reservations, tasks or totes.
// test/integration/rules/rule-indexes.test.ts keeps this list whole.
export const sql = /* sql */ `
CREATE INDEX reservations_location ON reservations (location_id);
CREATE INDEX reservations_wave ON reservations (wave_id);
CREATE INDEX pick_tasks_wave ON pick_tasks (wave_id);
CREATE INDEX pick_tasks_line ON pick_tasks (backorder_line_id);
CREATE INDEX tours_wave ON tours (wave_id);
CREATE INDEX totes_code ON totes (tote_code);
CREATE INDEX totes_order ON totes (order_id);
`;
