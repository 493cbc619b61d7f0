// How the floor runs, the same on every station (shared/domain/floor-settings.ts): one row, made
// by a lead's first `floor-settings.changed`; until then every runner uses the defaults. Synced
// to devices like any state row.
export const sql = /* sql */ `
CREATE TABLE floor_settings (
  id text PRIMARY KEY CHECK (id = 'warehouse'),
  priority_rules jsonb NOT NULL,
  one_tour_per_picker boolean NOT NULL,
  pick_rate_per_hour int NOT NULL CHECK (pick_rate_per_hour > 0),
  stall_minutes int NOT NULL CHECK (stall_minutes > 0)
);
CREATE TRIGGER floor_settings_change AFTER INSERT OR UPDATE OR DELETE ON floor_settings
  FOR EACH ROW EXECUTE FUNCTION record_change('floorSettings');
-- One tour per picker: a claim reads the picker's tours (shared/event-rules/tours.ts).
CREATE INDEX tours_picker ON tours (picker_id);
-- Two waves never share a name: a release reads the waves of its name (shared/event-rules/waves.ts).
CREATE INDEX waves_name ON waves (name);
`;
