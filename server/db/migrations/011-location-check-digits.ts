// Location check digits (shared/scan/location-check.ts): a floor setting, off until a lead
// switches it on; when on, a location typed by hand needs the two digits on its label.
export const sql = /* sql */ `
ALTER TABLE floor_settings ADD COLUMN location_check_digits boolean NOT NULL DEFAULT false;
`;
